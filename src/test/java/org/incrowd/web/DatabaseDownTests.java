package org.incrowd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.TcpProxy;
import org.incrowd.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * PostgreSQL goes down under a running Incrowd (a proxy between them is cut) and comes back: meanwhile the API
 * answers 503 with a problem and pages 503 with a page that says so, instead of hanging for 30 seconds and ending in
 * a plain 500; afterwards Incrowd works again by itself. The client here gives up after 10 seconds, a third of the
 * old hang, so a server that still waited for the database would fail this test rather than slow it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = DatabaseDownTests.BehindProxy.class)
@ActiveProfiles("test")
class DatabaseDownTests {

    private static TcpProxy proxy;

    /** The application's PostgreSQL database, reached through a proxy that the test can cut. */
    static final class BehindProxy implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Map<String, Object> settings = new HashMap<>(TestDatabase.freshPostgres());
            String url = (String) settings.get("spring.datasource.url");
            int port = Integer.parseInt(url.replaceAll("^jdbc:postgresql://localhost:(\\d+)/.*$", "$1"));
            try {
                proxy = new TcpProxy(port);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            settings.put("spring.datasource.url", url.replace(":" + port + "/", ":" + proxy.port() + "/"));
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("behind-proxy", settings));
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("data-dir",
                    Map.of("incrowd.data-dir", TestDatabase.freshDataFolder())));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext application;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterAll
    static void closeProxy() throws IOException {
        proxy.close();
    }

    private HttpResponse<String> get(String path, String accept, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).header("Accept-Language", "en").header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void whileTheDatabaseIsDownRequestsAreAnswered503AndIncrowdRecoversByItself() throws Exception {
        var fixtures = Fixtures.of(application);
        String token = fixtures.token(fixtures.person("Patient Pat", Role.PARTICIPANT));
        assertThat(get("/api/v1/jams", "application/json", token).statusCode()).isEqualTo(200);

        proxy.cut();
        try {
            var api = get("/api/v1/jams", "application/json", token);
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(api.headers().firstValue("Retry-After")).hasValue("10");
            assertThat(api.body()).contains("\"status\":503").contains("cannot reach its database")
                    .contains("\"code\":\"error.unavailable\"").doesNotContain("Exception");

            // A live page must not stop being live: its EventSource would give up for good on an error status, so
            // the stream ends at once and says when to come back (as in a reconnect storm that takes the pool).
            var stream = get("/live/jams/1", "text/event-stream", token);
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
            assertThat(stream.body()).matches("retry: \\d+\n\n");
            assertThat(Long.parseLong(stream.body().strip().substring(6).strip())).isBetween(2_000L, 6_000L);

            var page = get("/jams", "text/html", token);
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("<h1>Error 503</h1>").contains("cannot reach its database")
                    .doesNotContain("Exception");
        } finally {
            proxy.restore();
        }

        // The pool finds the database again by itself; the first request may still meet a connection it closed.
        int status = 0;
        for (int attempt = 0; attempt < 20 && status != 200; attempt++) {
            status = get("/api/v1/jams", "application/json", token).statusCode();
            if (status != 200) {
                Thread.sleep(500);
            }
        }
        assertThat(status).as("Incrowd works again once the database is back").isEqualTo(200);
    }
}
