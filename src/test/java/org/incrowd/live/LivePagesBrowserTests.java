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
import org.incrowd.jam.Jam;
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
    private record TwoMembers(Fixtures fixtures, Jam jam, Forum forum, Person ana, Person ben) {
    }

    private TwoMembers twoMembers(String jamTitle, String forumTitle) {
        var fixtures = Fixtures.of(application);
        var jam = fixtures.liveJam(jamTitle);
        var forum = fixtures.forum(jam, forumTitle);
        var ana = fixtures.person("Ana", Role.PARTICIPANT);
        var ben = fixtures.person("Ben", Role.PARTICIPANT);
        fixtures.join(jam, ana);
        fixtures.join(jam, ben);
        return new TwoMembers(fixtures, jam, forum, ana, ben);
    }

    private Page open(BrowserContext browser, Person person, String path) {
        return Chromium.open(browser, port, person.email(), path);
    }

    /** The paths the browser's live regions fetch again from now on. */
    private static java.util.List<String> liveFetches(BrowserContext browser) {
        var fetched = new java.util.concurrent.CopyOnWriteArrayList<String>();
        browser.onRequest(request -> {
            if (request.headers().containsKey("x-incrowd-live")) {
                fetched.add(java.net.URI.create(request.url()).getPath());
            }
        });
        return fetched;
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
                // The events the regions fetch again on, and those they put in place.
                @SuppressWarnings("unchecked")
                var listened = (java.util.List<String>) page.evaluate("""
                        () => [...new Set([...document.querySelectorAll('[data-live-on], [data-live-in-place]')]
                            .flatMap(region => ((region.dataset.liveOn || '') + ' ' + (region.dataset.liveInPlace || ''))
                                .split(' ').filter(Boolean).map(name => name.split(':')[0])))].sort()""");
                org.assertj.core.api.Assertions.assertThat(asked).as("the stream of %s", path).hasSize(1);
                var on = java.net.URLDecoder.decode(asked.getFirst().replaceAll(".*[?&]on=([^&]*).*", "$1"),
                        java.nio.charset.StandardCharsets.UTF_8);
                org.assertj.core.api.Assertions.assertThat(on.split(",")).as("events %s asks for", path)
                        .containsExactlyElementsOf(listened).contains("notification", "post");
                if (!path.startsWith("/jams/")) {
                    org.assertj.core.api.Assertions.assertThat(on.split(",")).as("%s shows counts", path)
                            .contains("tally");
                }
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

    /**
     * Votes reach an open thread as counts put in place: in a busy Jam every reader of a thread would otherwise fetch
     * its page again once a second. A reply posted meanwhile still fetches the replies, and the counts stay right.
     */
    @Test
    void votesOnAThreadChangeItsReadersCountsWithoutFetchingThePage() {
        var two = twoMembers("Counts in place", "Canteens");
        var fixtures = two.fixtures();
        var idea = fixtures.idea(two.forum(), two.ana(), "Soup at noon", "A hot soup for the drivers.");
        var reply = fixtures.reply(idea, two.ben(), "And bread with it.");
        try (var anasBrowser = chromium.personalBrowser()) {
            var fetched = new java.util.concurrent.CopyOnWriteArrayList<String>();
            anasBrowser.onRequest(request -> {
                if (request.url().contains("/threads/" + idea.id()) && request.headers().containsKey("x-incrowd-live")) {
                    fetched.add(java.net.URI.create(request.url()).getPath());
                }
            });
            var anasPage = open(anasBrowser, two.ana(), "/threads/" + idea.id());
            // The stream is connected, and has replayed what happened just before the page was made (the reply
            // among it, which fetches the replies once).
            anasPage.waitForTimeout(1_500);
            fetched.clear();
            var voters = new java.util.ArrayList<Person>();
            for (int i = 0; i < 3; i++) {
                var voter = fixtures.person("Voter " + i, Role.PARTICIPANT);
                fixtures.join(two.jam(), voter);
                voters.add(voter);
            }
            for (var voter : voters) {
                fixtures.reacting().react(fixtures.actor(voter), idea.id(), ReactionKind.AGREE);
                fixtures.reacting().react(fixtures.actor(voter), reply.id(), ReactionKind.DISAGREE);
            }

            assertThat(anasPage.locator("#thread-idea").getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Agree 3").setExact(true))).isVisible(SOON);
            assertThat(anasPage.locator("#reactions-" + reply.id()).getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Disagree 3").setExact(true))).isVisible(SOON);
            anasPage.waitForTimeout(1_500); // a fetch the votes would have caused has had its second
            org.assertj.core.api.Assertions.assertThat(fetched).as("the thread fetched again for votes").isEmpty();

            fixtures.reacting().withdrawReaction(fixtures.actor(voters.getFirst()), idea.id());
            fixtures.reply(idea, two.ben(), "Vegetarian too, please.");
            assertThat(anasPage.locator("#replies").getByText("Vegetarian too, please.")).isVisible(SOON);
            assertThat(anasPage.locator("#replies-heading")).hasText("2 replies"); // the heading, outside the replies
            assertThat(anasPage.locator("#thread-idea").getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Agree 2").setExact(true))).isVisible(SOON);
            // The replies alone are fetched, not the whole thread page.
            org.assertj.core.api.Assertions.assertThat(fetched).as("the reply is fetched")
                    .containsOnly("/threads/" + idea.id() + "/replies");
            anasPage.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("live-thread-counts")));
        }
    }

    /**
     * A helpful mark, given and taken back with the keyboard, changes the count on the other reader's page in place;
     * taking it back works from the page (the pressed button's form says so).
     */
    @Test
    void aHelpfulMarkGivenAndTakenBackReachesTheOtherReadersCount() {
        var two = twoMembers("Helpful, live", "Tool rooms");
        var idea = two.fixtures().idea(two.forum(), two.ana(), "Label the shelves", "Nobody finds the torque wrench.");
        try (var anasBrowser = chromium.personalBrowser(); var bensBrowser = chromium.personalBrowser()) {
            var anasPage = open(anasBrowser, two.ana(), "/threads/" + idea.id());
            var bensPage = open(bensBrowser, two.ben(), "/threads/" + idea.id());
            anasPage.waitForTimeout(500); // the stream is connected
            var anasCount = anasPage.locator("#reaction-" + idea.id() + "-helpful");
            var bensButton = bensPage.locator("#reaction-" + idea.id() + "-helpful");

            bensButton.focus();
            bensPage.keyboard().press("Enter");
            assertThat(bensButton).hasAttribute("aria-pressed", "true");
            assertThat(anasCount).hasText(java.util.regex.Pattern.compile("Helpful\\s*1"),
                    new LocatorAssertions.HasTextOptions().setTimeout(10_000));

            bensButton.focus();
            bensPage.keyboard().press("Enter");
            assertThat(bensButton).hasAttribute("aria-pressed", "false");
            assertThat(bensPage.locator("#reactions-" + idea.id() + " [role=alert]")).hasCount(0);
            assertThat(anasCount).hasText(java.util.regex.Pattern.compile("Helpful\\s*0"),
                    new LocatorAssertions.HasTextOptions().setTimeout(10_000));
        }
    }

    /**
     * A reply changes only its idea's reply count on the forum's list, which is put in place in the reader's language;
     * the list is fetched again for a new idea only.
     */
    @Test
    void aReplyChangesTheForumsReplyCountInPlaceAndANewIdeaFetchesTheList() {
        var two = twoMembers("Reply counts", "Break rooms");
        var fixtures = two.fixtures();
        var idea = fixtures.idea(two.forum(), two.ana(), "A kettle per floor", "The queue at the one kettle is long.");
        try (var anasBrowser = chromium.personalBrowser()) {
            var fetched = new java.util.concurrent.CopyOnWriteArrayList<String>();
            anasBrowser.onRequest(request -> {
                if (request.headers().containsKey("x-incrowd-live")) {
                    fetched.add(request.headers().get("hx-target"));
                }
            });
            var anasPage = open(anasBrowser, two.ana(), "/forums/" + two.forum().id());
            var replies = anasPage.locator("[data-counts-of='" + idea.id() + "'] [data-kind=REPLIES]");
            assertThat(replies).hasText("no replies");
            anasPage.waitForTimeout(1_500); // connected, and what happened just before the page was made replayed
            fetched.clear();

            fixtures.reply(idea, two.ben(), "And one for tea.");
            assertThat(replies).hasText("1 reply", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
            fixtures.reply(idea, two.ben(), "And one for the night shift.");
            assertThat(replies).hasText("2 replies", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
            anasPage.waitForTimeout(1_500);
            // (Ana's bell fetches its count: the replies are to her idea.)
            org.assertj.core.api.Assertions.assertThat(fetched).as("the list fetched again for replies")
                    .doesNotContain("ideas");

            fixtures.idea(two.forum(), two.ben(), "A second fridge", "Lunch boxes do not fit.");
            assertThat(anasPage.locator("#ideas").getByText("A second fridge")).isVisible(SOON);
            org.assertj.core.api.Assertions.assertThat(fetched).as("the list fetched for the new idea").contains("ideas");
        }
    }

    /** A forum listed by agreement is reordered by votes: its list is fetched again, not only its counts. */
    @Test
    void votesReorderAForumListedByAgreement() {
        var two = twoMembers("Most agreed, live", "Yards");
        var fixtures = two.fixtures();
        var first = fixtures.idea(two.forum(), two.ana(), "Lights in the yard", "It is dark at six.");
        fixtures.idea(two.forum(), two.ana(), "A second gate", "Trucks queue on the road.");
        fixtures.reacting().react(fixtures.actor(two.ana()), first.id(), ReactionKind.AGREE);
        try (var bensBrowser = chromium.personalBrowser()) {
            var bensPage = open(bensBrowser, two.ben(), "/forums/" + two.forum().id() + "?order=agreed");
            var titles = bensPage.locator("#ideas h3");
            assertThat(titles.first()).hasText("Lights in the yard");
            bensPage.waitForTimeout(500); // the stream is connected
            var later = fixtures.reading().ideas(fixtures.actor(two.ben()), two.forum().id(), 0).ideas().getFirst();
            for (int i = 0; i < 2; i++) {
                var voter = fixtures.person("Driver " + i, Role.PARTICIPANT);
                fixtures.join(two.jam(), voter);
                fixtures.reacting().react(fixtures.actor(voter), later.id(), ReactionKind.AGREE);
            }

            assertThat(titles.first()).hasText("A second gate",
                    new LocatorAssertions.HasTextOptions().setTimeout(10_000));
        }
    }

    /**
     * A new post changes an open Jam home's activity and its counts by fetching that section alone: on a busy Jam's
     * home every reader would otherwise fetch the whole home, every module's sections, once a second.
     */
    @Test
    void aNewPostChangesTheJamHomesActivityByFetchingThatSectionAlone() {
        var two = twoMembers("Activity alone", "Loading docks");
        var fixtures = two.fixtures();
        try (var anasBrowser = chromium.personalBrowser()) {
            var fetched = liveFetches(anasBrowser);
            var anasPage = open(anasBrowser, two.ana(), "/jams/" + two.jam().id());
            var activity = anasPage.locator("#activity");
            assertThat(activity).containsText("Nothing posted yet.");
            anasPage.waitForTimeout(1_500); // the stream is connected
            fetched.clear();

            var idea = fixtures.idea(two.forum(), two.ben(), "Ramps for trolleys", "The kerb breaks the wheels.");
            assertThat(activity.locator("#activity-stream")).containsText("Ramps for trolleys",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
            fixtures.reply(idea, two.ben(), "Two ramps, one at each end.");
            // The counts above the stream change with it: they are in the section it fetches.
            assertThat(activity.locator(".stats")).hasText("1 ideas · 2 posts in all",
                    new LocatorAssertions.HasTextOptions().setTimeout(10_000));
            assertThat(activity).not().containsText("Nothing posted yet.");
            org.assertj.core.api.Assertions.assertThat(fetched).as("what the home fetched again").isNotEmpty()
                    .containsOnly("/jams/" + two.jam().id() + "/sections/activity");
            anasPage.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("live-jam-activity")));
        }
    }

    /** The first idea in a forum replaces its "no ideas yet" note: the list fetches itself alone, note and all. */
    @Test
    void theFirstIdeaReplacesAnEmptyForumsNoteByFetchingTheListAlone() {
        var two = twoMembers("First idea", "Lockers");
        try (var anasBrowser = chromium.personalBrowser()) {
            var fetched = liveFetches(anasBrowser);
            var anasPage = open(anasBrowser, two.ana(), "/forums/" + two.forum().id());
            var ideas = anasPage.locator("#ideas");
            assertThat(ideas).containsText("No ideas yet.");
            anasPage.waitForTimeout(1_500); // the stream is connected
            fetched.clear();

            two.fixtures().idea(two.forum(), two.ben(), "Lockers that open by badge", "Keys get lost every week.");
            assertThat(ideas.getByText("Lockers that open by badge")).isVisible(SOON);
            assertThat(ideas).not().containsText("No ideas yet.");
            org.assertj.core.api.Assertions.assertThat(fetched).as("what the forum fetched again")
                    .containsOnly("/forums/" + two.forum().id() + "/ideas");
        }
    }
}
