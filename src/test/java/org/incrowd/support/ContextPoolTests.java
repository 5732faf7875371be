package org.incrowd.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A browser context lent again must look to the next test like a new visitor's: what one test's person stored in
 * the browser (a session cookie, a draft in local storage) must not sign in or prefill anything for the next.
 */
class ContextPoolTests {

    private static HttpServer site;
    private static String address;

    @BeforeAll
    static void startSite() throws Exception {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            byte[] page = "<!doctype html><title>site</title><p>a page</p>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        site.start();
        address = "http://127.0.0.1:" + site.getAddress().getPort() + "/";
    }

    @AfterAll
    static void stopSite() {
        site.stop(0);
    }

    @Test
    void aContextLentAgainHasNoCookiesStoragePermissionsOrPagesOfTheTestBeforeAndIsOnline() {
        var chromium = Chromium.shared();
        var first = chromium.personalBrowser(800, 600);
        var page = first.newPage();
        page.navigate(address);
        page.evaluate("() => { localStorage.setItem('draft', 'my unfinished idea');"
                + " document.cookie = 'session=abc; path=/'; }");
        assertThat(first.cookies()).hasSize(1);
        first.newPage().navigate(address + "second");
        first.grantPermissions(List.of("geolocation"));
        assertThat(permission(page, "geolocation")).isEqualTo("granted");
        first.setOffline(true);
        first.close();
        assertThatThrownBy(first::newPage).as("a context given back may be lent to someone else by now")
                .isInstanceOf(IllegalStateException.class);

        var again = chromium.personalBrowser(800, 600);
        assertThat(again.pages()).as("only the blank page that keeps the context warm").hasSize(1);
        assertThat(again.pages().getFirst().url()).isEqualTo("about:blank");
        assertThat(again.cookies()).isEmpty();
        var next = again.newPage();
        next.navigate(address);
        assertThat(next.evaluate("() => localStorage.getItem('draft')")).isNull();
        assertThat(permission(next, "geolocation")).isEqualTo("prompt");
        assertThat(next.viewportSize().width).isEqualTo(800);
        again.close();
    }

    private static Object permission(Page page, String name) {
        return page.evaluate("name => navigator.permissions.query({name}).then(answer => answer.state)", name);
    }

    @Test
    void aContextClosedForGoodIsNotLentAgain() {
        var chromium = Chromium.shared();
        var first = chromium.personalBrowser(640, 480);
        var page = first.newPage();
        page.context().close(); // the real context, as a test that ends a browser for good would

        var next = chromium.personalBrowser(640, 480);
        var fresh = next.newPage();
        fresh.navigate(address);
        assertThat(fresh.title()).isEqualTo("site");
        next.close();
    }
}
