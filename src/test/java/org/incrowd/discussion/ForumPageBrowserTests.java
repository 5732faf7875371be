package org.incrowd.discussion;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.incrowd.identity.Role;
import org.incrowd.support.Chromium;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** A forum's page leads on to what the forum thinks, and says per idea how much it has been discussed. */
@IncrowdBrowserTest
class ForumPageBrowserTests {

    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext application;

    @BeforeAll
    static void startBrowser() {
        chromium = new Chromium();
    }

    @AfterAll
    static void stopBrowser() {
        chromium.close();
    }

    @Test
    void theForumLinksToItsPulseAndOpinionMapAndEachIdeaShowsItsRepliesAndReactions() {
        var fixtures = Fixtures.of(application);
        var jam = fixtures.liveJam("Counted " + System.nanoTime());
        var forum = fixtures.forum(jam, "Canteen");
        var reader = fixtures.person("Rita Reader", Role.PARTICIPANT);
        fixtures.join(jam, reader);
        var idea = fixtures.idea(forum, "Hot meals at night");
        fixtures.idea(forum, "Quiet corner");
        fixtures.reply(idea, fixtures.poolAuthor(jam.id()), "Even a microwave would help.");
        fixtures.reply(idea, fixtures.poolAuthor(jam.id()), "And a fridge.");
        var kinds = new ReactionKind[] {ReactionKind.AGREE, ReactionKind.AGREE, ReactionKind.DISAGREE, ReactionKind.PASS};
        for (var kind : kinds) {
            var voter = fixtures.person("Voter", Role.PARTICIPANT);
            fixtures.join(jam, voter);
            fixtures.discussion().react(fixtures.actor(voter), idea.id(), kind);
        }

        try (var browser = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-GB"))) {
            var page = Chromium.signIn(browser.newPage(), port, reader.email(), Fixtures.PASSWORD);
            page.navigate("http://localhost:" + port + "/forums/" + forum.id());

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("This forum's Pulse: themes and trends"))
                    .click();
            assertThat(page).hasURL("http://localhost:" + port + "/forums/" + forum.id() + "/pulse");
            page.goBack();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Opinion map")))
                    .hasAttribute("href", "/forums/" + forum.id() + "/opinions");

            var card = page.locator(".thread-summary", new Page.LocatorOptions().setHasText("Hot meals at night"));
            for (String count : new String[] {"2 replies", "Agree 2", "Disagree 1", "Pass 1"}) {
                assertThat(card.locator(".counts")).containsText(count);
            }
            var quiet = page.locator(".thread-summary", new Page.LocatorOptions().setHasText("Quiet corner"));
            for (String count : new String[] {"no replies", "Agree 0", "Disagree 0", "Pass 0"}) {
                assertThat(quiet.locator(".counts")).containsText(count);
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("forum-cards"))
                    .setFullPage(true));
        }
    }
}
