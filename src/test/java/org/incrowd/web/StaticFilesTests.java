package org.incrowd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Static files over real HTTP (the server compresses, so MockMvc cannot tell): pages link them by content-hashed URLs,
 * which browsers keep for a year, compressed; the 1 MB ECharts is fetched once, not on every chart page.
 */
@IncrowdBrowserTest
class StaticFilesTests {

    private static final Pattern STYLESHEET = Pattern.compile("href=\"(/css/incrowd-[0-9a-f]{32}\\.css)\"");
    private static final Pattern HTMX =
            Pattern.compile("src=\"(/webjars/htmx\\.org/\\d+\\.\\d+\\.\\d+/dist/htmx\\.min-[0-9a-f]{32}\\.js)\"");
    private static final String A_YEAR = "max-age=31536000";

    @LocalServerPort
    int port;
    @Autowired
    ResourceUrlProvider urls;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pagesLinkStylesheetAndScriptsByContentHashedUrlsThatBrowsersKeepForAYear() throws Exception {
        String page = get("/signin").body();
        var stylesheet = STYLESHEET.matcher(page);
        var htmx = HTMX.matcher(page);
        assertThat(stylesheet.find()).as("stylesheet link in %s", page).isTrue();
        assertThat(htmx.find()).as("htmx link with the webjar's version").isTrue();

        for (String url : new String[] {stylesheet.group(1), htmx.group(1)}) {
            var file = get(url);
            assertThat(file.statusCode()).as(url).isEqualTo(200);
            assertThat(file.headers().firstValue("Cache-Control")).as(url).hasValueSatisfying(cache ->
                    assertThat(cache).contains(A_YEAR, "public", "immutable"));
        }
    }

    @Test
    void everyPageHasAnSvgFavicon() throws Exception {
        var icon = Pattern.compile("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"(/favicon-[0-9a-f]{32}\\.svg)\">")
                .matcher(get("/signin").body());
        assertThat(icon.find()).isTrue();
        var file = get(icon.group(1));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("image/svg+xml"));
        assertThat(file.body()).contains("<svg");
    }

    @Test
    void echartsIsSentCompressedAndKeptForAYear() throws Exception {
        String url = urls.getForLookupPath("/webjars/echarts/echarts.min.js");
        assertThat(url).matches("/webjars/echarts/5\\.5\\.0/echarts\\.min-[0-9a-f]{32}\\.js");

        var file = getGzip(url);
        byte[] original = new ClassPathResource("META-INF/resources/webjars/echarts/5.5.0/echarts.min.js")
                .getContentAsByteArray();
        assertThat(file.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(file.body().length).as("compressed size").isLessThan(original.length / 2);
        assertThat(gunzip(file.body())).isEqualTo(original);
        assertThat(file.headers().firstValue("Cache-Control").orElseThrow()).contains(A_YEAR, "immutable");
    }

    @Test
    void anUnversionedUrlIsRevalidatedAndAWrongHashIsNotFound() throws Exception {
        var unversioned = get("/css/incrowd.css");
        assertThat(unversioned.statusCode()).isEqualTo(200);
        assertThat(unversioned.headers().firstValue("Cache-Control")).hasValue("no-cache");

        var wrongHash = get("/css/incrowd-0123456789abcdef0123456789abcdef.css");
        assertThat(wrongHash.statusCode()).isEqualTo(404);
        assertThat(wrongHash.headers().firstValue("Cache-Control").orElse("")).doesNotContain(A_YEAR);
    }

    /**
     * A page goes out in one piece, committed only as the request ends: its whole length declared, its security
     * headers and the new session's cookie still set after it was rendered, and compressed for a browser that asks.
     */
    @Test
    void aPageArrivesWholeWithItsLengthItsSecurityHeadersAndItsSessionCookie() throws Exception {
        var page = get("/signin");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"_csrf\"");
        assertThat(page.body().strip()).endsWith("</html>");
        assertThat(page.headers().firstValueAsLong("Content-Length"))
                .hasValue(page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'self'"));
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID="));

        var compressed = getGzip("/signin");
        assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new String(gunzip(compressed.body()), java.nio.charset.StandardCharsets.UTF_8).strip())
                .endsWith("</html>");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getGzip(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
