package org.incrowd.live;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.incrowd.discussion.PostDraft;
import org.incrowd.discussion.ReactionKind;
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
        chromium = new Chromium();
    }

    @AfterAll
    static void stopBrowser() {
        chromium.close();
    }

    @Test
    void anIdeaPostedInOneBrowserAppearsInTheOtherWithoutReload() {
        var fixtures = Fixtures.of(application);
        var jam = fixtures.liveJam("Live pages");
        var forum = fixtures.forum(jam, "Night shifts");
        var ana = fixtures.person("Ana", Role.PARTICIPANT);
        var ben = fixtures.person("Ben", Role.PARTICIPANT);
        fixtures.join(jam, ana);
        fixtures.join(jam, ben);
        try (var anasBrowser = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-GB"));
             var bensBrowser = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-GB"))) {
            var anasPage = Chromium.signIn(anasBrowser.newPage(), port, ana.email(), Fixtures.PASSWORD);
            anasPage.navigate("http://localhost:" + port + "/forums/" + forum.id());
            var bensPage = Chromium.signIn(bensBrowser.newPage(), port, ben.email(), Fixtures.PASSWORD);
            bensPage.navigate("http://localhost:" + port + "/forums/" + forum.id());
            anasPage.waitForTimeout(500); // the stream is connected

            bensPage.getByLabel("Title of your idea").fill("Hot meals at night");
            bensPage.getByLabel("Your idea", new Page.GetByLabelOptions().setExact(true)).fill("The canteen closes at eight.");
            bensPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post idea")).click();

            var idea = anasPage.locator("#ideas").getByRole(AriaRole.LINK,
                    new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Hot meals at night"));
            assertThat(idea).isVisible(SOON);

            // A reaction elsewhere updates the counts on Ana's page too.
            var posted = fixtures.reading().ideas(fixtures.actor(ana), forum.id(), 0).ideas().getFirst();
            fixtures.reacting().react(fixtures.actor(ben), posted.id(), ReactionKind.AGREE);
            assertThat(anasPage.locator("#ideas").getByText("Agree 1")).isVisible(SOON);
            anasPage.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("live-forum")));
        }
    }
}
