package org.incrowd.search;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.incrowd.identity.Role;
import org.incrowd.support.Chromium;
import org.incrowd.support.EncodesPosts;
import org.incrowd.support.Fixtures;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser: someone typing a new idea is shown the idea already shared that says the same, with a link to
 * build on it; the search box in the header finds a post with the word marked; and a reply is found by the beginning
 * of a word, under its idea's title, with its author and the time of its Jam.
 */
@EncodesPosts
@IncrowdBrowserTest
class SimilarIdeasBrowserTests {

    @RegisterExtension
    static final BrowserPages pages = new BrowserPages();

    @LocalServerPort
    int port;

    private Page page;
    private Fixtures fixtures;

    @BeforeEach
    void openPage() {
        fixtures = pages.fixtures();
        page = pages.page();
    }

    @Test
    void typingAnIdeaShowsASimilarIdeaToBuildOn() {
        var jam = fixtures.liveJam("Canteen Jam");
        var forum = fixtures.forum(jam, "Canteen");
        var writer = fixtures.person("Writer", Role.PARTICIPANT);
        fixtures.join(jam, writer);
        var existing = fixtures.idea(forum, fixtures.poolAuthor(jam.id()), "Vegetarian dishes every day",
                "The canteen should serve a vegetarian dish every day of the week");
        fixtures.idea(forum, fixtures.poolAuthor(jam.id()), "Longer opening hours", "Open the canteen until eight in the evening");

        Chromium.signIn(page, port, writer.email(), Fixtures.PASSWORD);
        page.navigate("http://localhost:" + port + "/forums/" + forum.id());
        page.getByLabel("Title of your idea", new Page.GetByLabelOptions().setExact(true)).fill("More vegetarian food");
        page.getByLabel("Your idea", new Page.GetByLabelOptions().setExact(true)).pressSequentially("A vegetarian dish in the canteen every day, please");

        var suggestions = page.locator("#idea-similar");
        assertThat(suggestions.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Vegetarian dishes every day"))).isVisible();
        assertThat(suggestions.locator("a.build-on").first())
                .hasAttribute("href", "/threads/" + existing.id() + "?replyTo=" + existing.id() + "#reply-form");
        assertThat(suggestions.locator("a").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Longer opening hours"))).hasCount(0);
    }

    /**
     * The duplicate shares one word ("days") with the draft, not the two a match by words needs: it is suggested by
     * meaning. Typed and followed with the keyboard alone, on a desktop and on a 390 px phone.
     */
    @Test
    void anIdeaSayingTheSameInOtherWordsIsSuggestedAndReachedWithTheKeyboardOnDesktopAndPhone() {
        var jam = fixtures.liveJam("Office Jam");
        var forum = fixtures.forum(jam, "Ways of working");
        var writer = fixtures.person("Keyboard Writer", Role.PARTICIPANT);
        fixtures.join(jam, writer);
        var remote = fixtures.idea(forum, fixtures.poolAuthor(jam.id()), "Remote days: skip the commute",
                "Staff could do their jobs remotely on some weekdays instead of sitting in traffic");
        fixtures.idea(forum, fixtures.poolAuthor(jam.id()), "Longer opening hours",
                "Open the canteen until eight in the evening");
        Chromium.signIn(page, port, writer.email(), Fixtures.PASSWORD);

        for (int width : new int[] {1280, 390}) {
            page.setViewportSize(width, 900);
            page.navigate("http://localhost:" + port + "/forums/" + forum.id());
            page.getByLabel("Title of your idea", new Page.GetByLabelOptions().setExact(true)).focus();
            page.keyboard().type("Work from home");
            page.keyboard().press("Tab");
            page.keyboard().type("Let people work from home two days a week");

            var suggestions = page.locator("#idea-similar");
            var suggested = suggestions.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName("Remote days: skip the commute"));
            for (int attempt = 0; attempt < 40 && suggested.count() == 0; attempt++) {
                page.keyboard().press("End"); // the vector of the idea comes a moment after it; typing asks again
                page.keyboard().type(" ");
                page.waitForTimeout(500);
            }
            assertThat(suggested).isVisible();
            assertThat(suggestions.locator("a").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("Longer opening hours"))).hasCount(0);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Chromium.screenshot("similar-idea-by-meaning-" + width)));

            for (int tab = 0; tab < 30 && !Boolean.TRUE.equals(page.evaluate(
                    "() => document.activeElement.classList.contains('build-on')")); tab++) {
                page.keyboard().press("Tab");
            }
            page.keyboard().press("Enter");
            page.waitForURL("**/threads/" + remote.id() + "?replyTo=" + remote.id() + "#reply-form");
        }
    }

    @Test
    void theSearchBoxFindsAPostAndMarksTheWord() {
        var jam = fixtures.liveJam("Search Jam");
        var forum = fixtures.forum(jam, "Mobility");
        var reader = fixtures.person("Searcher", Role.PARTICIPANT);
        fixtures.join(jam, reader);
        // A title of its own: other tests of the same database write cargo-bike ideas in Jams open to everyone.
        fixtures.idea(forum, fixtures.poolAuthor(jam.id()), "Cargo bikes for the search room",
                "Lend cargo bikes to the search room for deliveries");

        Chromium.signIn(page, port, reader.email(), Fixtures.PASSWORD);
        var indexed = page.locator("#search-results li").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Cargo bikes for the search room"));
        for (int attempt = 0; attempt < 50 && indexed.count() == 0; attempt++) { // indexed within a second
            page.navigate("http://localhost:" + port + "/search?q=cargo&jam=" + jam.id());
        }
        page.navigate("http://localhost:" + port + "/");
        page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search posts")).fill("cargo");
        page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search posts")).press("Enter");

        var result = page.locator("#search-results li").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Cargo bikes for the search room"));
        assertThat(result).isVisible();
        assertThat(result.locator("mark").first()).hasText("cargo", new com.microsoft.playwright.assertions
                .LocatorAssertions.HasTextOptions().setIgnoreCase(true));
    }

    @Test
    void aReplyIsFoundByTheBeginningOfAWordUnderItsIdeaWithItsAuthorAtTheJamsTime() {
        var jam = fixtures.jam("Harbour Jam").timeZone("Europe/Berlin").create();
        var forum = fixtures.forum(jam, "Housing");
        var reader = fixtures.person("Reading Rosa", Role.PARTICIPANT);
        var replier = fixtures.person("Replying Rami", Role.PARTICIPANT);
        fixtures.join(jam, reader);
        fixtures.join(jam, replier);
        var idea = fixtures.idea(forum, reader, "Affordable flats near the port", "Rents by the harbour keep rising");
        fixtures.reply(idea, replier, "Urbanization of the old docks would help");

        Chromium.signIn(page, port, reader.email(), Fixtures.PASSWORD);
        // The results' own items: a search that finds nothing lists three tips, which must not end the wait below.
        var result = page.locator("#search-results ol.search-results > li");
        // In its own Jam: other tests of the same database write posts on urbanization in Jams open to everyone.
        for (int attempt = 0; attempt < 50 && result.count() == 0; attempt++) { // indexed within a second
            page.navigate("http://localhost:" + port + "/search?q=urbaniz*&jam=" + jam.id());
        }

        assertThat(result).hasCount(1);
        assertThat(result.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Reply to Affordable flats near the port"))).isVisible();
        assertThat(result).containsText("Replying Rami");
        assertThat(result.locator("time")).containsText("(Europe/Berlin)");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Chromium.screenshot("search-reply-in-jam-time")));
    }
}
