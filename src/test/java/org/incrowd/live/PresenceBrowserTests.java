package org.incrowd.live;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;
import org.incrowd.identity.Role;
import org.incrowd.support.Chromium;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.incrowd.support.SseClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** "N people here now" on a thread page counts the pages open on that thread, and follows people leaving. */
@IncrowdBrowserTest
class PresenceBrowserTests {

    private static final LocatorAssertions.HasTextOptions SOON = new LocatorAssertions.HasTextOptions().setTimeout(10_000);
    /**
     * A closed page is noticed when a write to its stream fails: the keep-alive comes every 2 s in tests
     * (incrowd.live.keep-alive-seconds), and the first write
     * after the peer closed usually still succeeds, so within two of them.
     */
    private static final LocatorAssertions.HasTextOptions AFTER_KEEP_ALIVES =
            new LocatorAssertions.HasTextOptions().setTimeout(15_000);
    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext application;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.shared();
    }

    @Test
    void aThreadPageShowsHowManyAreReadingItNow() throws Exception {
        var fixtures = Fixtures.of(application);
        var jam = fixtures.liveJam("Presence " + System.nanoTime());
        var forum = fixtures.forum(jam, "Together");
        var ana = fixtures.person("Ana", Role.PARTICIPANT);
        var ben = fixtures.person("Ben", Role.PARTICIPANT);
        fixtures.join(jam, ana);
        fixtures.join(jam, ben);
        var idea = fixtures.idea(forum, ana, "Who is here?", "Count us.");
        try (var anasBrowser = chromium.personalBrowser()) {
            var page = Chromium.signIn(anasBrowser.newPage(), port, ana.email(), Fixtures.PASSWORD);
            page.navigate("http://localhost:" + port + "/threads/" + idea.id());
            var presence = page.locator("#presence");
            assertThat(presence).hasText("1 person here now", SOON);

            var bensStream = new SseClient("http://localhost:" + port + "/live/jams/" + jam.id() + "?thread="
                    + idea.id(), fixtures.token(ben), null);
            assertThat(presence).hasText("2 people here now", SOON);

            bensStream.close();
            assertThat(presence).hasText("1 person here now", AFTER_KEEP_ALIVES);
        }
    }
}
