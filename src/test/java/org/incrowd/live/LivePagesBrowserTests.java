package org.incrowd.live;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.support.Chromium;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Two people in the same forum, each in their own browser: what one writes appears on the other's page. */
@IncrowdBrowserTest
class LivePagesBrowserTests {

    private static final LocatorAssertions.IsVisibleOptions SOON =
            new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext application;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.shared();
    }


    /** A live Jam with a forum, and two of its members, Ana and Ben. */
    private record TwoMembers(Fixtures fixtures, Forum forum, Person ana, Person ben) {
    }

    private TwoMembers twoMembers(String jamTitle, String forumTitle) {
        var fixtures = Fixtures.of(application);
        var jam = fixtures.liveJam(jamTitle);
        var forum = fixtures.forum(jam, forumTitle);
        var ana = fixtures.person("Ana", Role.PARTICIPANT);
        var ben = fixtures.person("Ben", Role.PARTICIPANT);
        fixtures.join(jam, ana);
        fixtures.join(jam, ben);
        return new TwoMembers(fixtures, forum, ana, ben);
    }

    private Page open(BrowserContext browser, Person person, String path) {
        return Chromium.open(browser, port, person.email(), path);
    }

    /**
     * A page's stream carries only what its regions listen to (on=...), so every region must be named when the stream
     * opens, also one that arrives after the page, like the bell: read from each page once everything has loaded.
     */
    @Test
    void eachPageAsksItsStreamForEveryEventItsRegionsListenToAndNoOther() {
        var two = twoMembers("Streams asked", "Warehouses");
        var fixtures = two.fixtures();
        var idea = fixtures.idea(two.forum(), two.ana(), "Racks", "Higher racks in hall two.");
        for (var path : java.util.List.of("/jams/" + two.forum().jamId(), "/forums/" + two.forum().id(),
                "/threads/" + idea.id())) {
            try (var browser = chromium.personalBrowser()) {
                var asked = new java.util.concurrent.CopyOnWriteArrayList<String>();
                browser.onRequest(request -> {
                    if (request.url().contains("/live/jams/")) {
                        asked.add(request.url());
                    }
                });
                var page = open(browser, two.ana(), path);
                assertThat(page.locator("#bell a[aria-label]")).isAttached(); // the bell's fragment has arrived
                @SuppressWarnings("unchecked")
                var listened = (java.util.List<String>) page.evaluate("""
                        () => [...new Set([...document.querySelectorAll('[data-live-on]')]
                            .flatMap(region => region.dataset.liveOn.split(' ').filter(Boolean)))].sort()""");
                org.assertj.core.api.Assertions.assertThat(asked).as("the stream of %s", path).hasSize(1);
                var on = java.net.URLDecoder.decode(asked.getFirst().replaceAll(".*[?&]on=([^&]*).*", "$1"),
                        java.nio.charset.StandardCharsets.UTF_8);
                org.assertj.core.api.Assertions.assertThat(on.split(",")).as("events %s asks for", path)
                        .containsExactlyElementsOf(listened).contains("notification", "post");
            }
        }
    }

    @Test
    void anIdeaPostedInOneBrowserAppearsInTheOtherWithoutReload() {
        var two = twoMembers("Live pages", "Night shifts");
        try (var anasBrowser = chromium.personalBrowser(); var bensBrowser = chromium.personalBrowser()) {
            var anasPage = open(anasBrowser, two.ana(), "/forums/" + two.forum().id());
            var bensPage = open(bensBrowser, two.ben(), "/forums/" + two.forum().id());
            anasPage.waitForTimeout(500); // the stream is connected

            bensPage.getByLabel("Title of your idea").fill("Hot meals at night");
            bensPage.getByLabel("Your idea", new Page.GetByLabelOptions().setExact(true)).fill("The canteen closes at eight.");
            bensPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post idea")).click();

            var idea = anasPage.locator("#ideas").getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("Hot meals at night"));
            assertThat(idea).isVisible(SOON);

            // A reaction elsewhere updates the counts on Ana's page too.
            var fixtures = two.fixtures();
            var posted = fixtures.reading().ideas(fixtures.actor(two.ana()), two.forum().id(), 0).ideas().getFirst();
            fixtures.reacting().react(fixtures.actor(two.ben()), posted.id(), ReactionKind.AGREE);
            assertThat(anasPage.locator("#ideas").getByText("Agree 1")).isVisible(SOON);
            anasPage.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("live-forum")));
        }
    }

    @Test
    void aReactionOnAThreadsIdeaReachesTheOtherReadersOfTheThread() {
        var two = twoMembers("Live thread", "Depots");
        var idea = two.fixtures().idea(two.forum(), two.ana(), "Quiet rooms", "Drivers need somewhere to rest.");
        try (var anasBrowser = chromium.personalBrowser(); var bensBrowser = chromium.personalBrowser()) {
            var anasPage = open(anasBrowser, two.ana(), "/threads/" + idea.id());
            var bensPage = open(bensBrowser, two.ben(), "/threads/" + idea.id());
            anasPage.waitForTimeout(500); // the stream is connected

            bensPage.locator("#thread-idea").getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Agree 0").setExact(true)).click();

            assertThat(anasPage.locator("#thread-idea").getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Agree 1").setExact(true))).isVisible(SOON);
            anasPage.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("live-thread-idea")));
        }
    }
}
