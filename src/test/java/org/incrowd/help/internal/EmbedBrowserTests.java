package org.incrowd.help.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.incrowd.jam.JamKind;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The embedded stream inside another site's page (another origin: the loopback address at another port), shown for a
 * site on the allow-list and refused for one that is not; and an expert saying what they know on a phone, keyboard
 * only.
 */
@IncrowdBrowserTest
class EmbedBrowserTests {

    @RegisterExtension
    static final BrowserPages browser = new BrowserPages();

    @Test
    void theEmbeddedStreamLoadsInsideAPageOfAnAllowedOriginAndIsRefusedByAnyOther() throws Exception {
        Fixtures fixtures = browser.fixtures();
        var stream = fixtures.jam("Shop help").campaign(JamKind.HELP_STREAM, null, null).endsIn(Duration.ofDays(1))
                .create();
        fixtures.jams().openToGuests(fixtures.actor(fixtures.organiser()), stream.id(), true);
        var asker = fixtures.person("Ola Asker");
        fixtures.join(stream, asker);
        fixtures.idea(fixtures.forum(stream, "Orders"), asker, "Where is order 4711?", "Ordered last week.");
        var allowed = site(browser.url("/help/" + stream.id() + "/embed"));
        var other = site(browser.url("/help/" + stream.id() + "/embed"));
        try {
            String allowedOrigin = "http://127.0.0.1:" + allowed.getAddress().getPort();
            var organiser = browser.signIn(browser.open(), fixtures.organiser());
            organiser.navigate(browser.url("/help/" + stream.id() + "/experts"));
            organiser.getByLabel("Websites that may embed the stream").fill(allowedOrigin);
            organiser.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the list")).click();
            assertThat(organiser.locator(".notice")).containsText("Saved");

            var shop = browser.open();
            shop.navigate(allowedOrigin + "/");
            assertThat(shop.frameLocator("iframe").locator("a", new com.microsoft.playwright.FrameLocator.LocatorOptions()
                    .setHasText("Where is order 4711?"))).isVisible();
            shop.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("help-embed-allowed")));

            var elsewhere = browser.open();
            elsewhere.navigate("http://127.0.0.1:" + other.getAddress().getPort() + "/");
            elsewhere.waitForLoadState();
            Frame frame = elsewhere.frames().stream().filter(candidate -> candidate != elsewhere.mainFrame())
                    .findFirst().orElseThrow();
            elsewhere.waitForTimeout(500); // the refused frame shows the browser's own error page, not ours
            org.assertj.core.api.Assertions.assertThat(frameText(frame)).doesNotContain("Where is order 4711?");
            elsewhere.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("help-embed-refused")));
        } finally {
            allowed.stop(0);
            other.stop(0);
        }
    }

    @Test
    void anExpertSaysWhatTheyKnowOnAPhoneWithTheKeyboardAlone() {
        Fixtures fixtures = browser.fixtures();
        var stream = fixtures.jam("Depot help").campaign(JamKind.HELP_STREAM, null, null).endsIn(Duration.ofDays(1))
                .create();
        fixtures.forum(stream, "Forklifts");
        fixtures.forum(stream, "Night shift");
        var expert = fixtures.person("Pat Expert");
        fixtures.join(stream, expert);
        var phone = browser.signIn(browser.open("en-GB", 390, 844), expert);
        phone.navigate(browser.url("/help/" + stream.id() + "/expertise"));

        tabTo(phone, phone.getByLabel("Forklifts"));
        phone.keyboard().press("Space");
        tabTo(phone, phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")));
        phone.keyboard().press("Enter");

        assertThat(phone.locator(".notice")).containsText("Saved");
        assertThat(phone.getByLabel("Forklifts")).isChecked();
        assertThat(phone.getByLabel("Night shift")).not().isChecked();
        BrowserPages.assertFitsItsWindow(phone);
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("help-expertise-390"))
                .setFullPage(true));
    }

    /** Another origin: a page on the loopback address, at a port of its own, that frames the embed. */
    private static HttpServer site(String embedUrl) throws Exception {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] html = ("<!DOCTYPE html><html><head><title>Shop</title></head><body><h1>Our shop</h1>"
                + "<iframe src=\"" + embedUrl + "\" width=\"360\" height=\"400\" title=\"Help\"></iframe>"
                + "</body></html>").getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            try (var body = exchange.getResponseBody()) {
                body.write(html);
            }
        });
        server.start();
        return server;
    }

    private static String frameText(Frame frame) {
        try {
            return String.valueOf(frame.evaluate("() => document.body ? document.body.innerText : ''"));
        } catch (RuntimeException unreadable) {
            return ""; // the browser's error page may not be readable at all: nothing of ours in it either way
        }
    }

    private static void tabTo(Page page, Locator element) {
        for (int presses = 0; presses < 100; presses++) {
            if ((Boolean) element.evaluate("el => el === document.activeElement")) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + element);
    }
}
