package org.incrowd.identity.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.incrowd.identity.Role;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A session that ends while someone writes loses nothing: the idea is kept, the sign-in page says so, and after
 * signing in it is there to send. A reaction sent without a session says why it did not happen.
 */
@IncrowdBrowserTest
class SessionEndedBrowserTests {

    @RegisterExtension
    static final BrowserPages browser = new BrowserPages();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext application;

    private Page page;
    private Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = Fixtures.of(application);
        page = browser.page();
    }

    @Test
    void anIdeaWrittenWhileTheSessionEndedIsKeptAndSentAfterSigningIn() {
        var jam = fixtures.liveJam("Session Jam");
        var forum = fixtures.forum(jam, "Night shifts");
        var writer = fixtures.person("Slow Writer", Role.PARTICIPANT);
        fixtures.join(jam, writer);

        Chromium.signIn(page, port, writer.email(), Fixtures.PASSWORD);
        page.navigate("http://localhost:" + port + "/forums/" + forum.id());
        page.getByLabel("Title of your idea", new Page.GetByLabelOptions().setExact(true)).fill("A quiet room");
        page.getByLabel("Your idea", new Page.GetByLabelOptions().setExact(true))
                .fill("Drivers on night shifts need somewhere quiet to rest between routes.");
        browser.context().clearCookies(); // the session ends while the person writes
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post idea")).click();

        assertThat(page.getByText("Your session had ended, so what you sent was not saved yet. Incrowd kept it"))
                .isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("session-ended-sign-in")));
        page.getByLabel("E-mail address").fill(writer.email());
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        assertThat(page.getByText("This was not sent because your session had ended.")).isVisible();
        assertThat(page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true))).hasValue(
                "Drivers on night shifts need somewhere quiet to rest between routes.");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("session-ended-kept-idea"))
                .setFullPage(true));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send it now")).click();

        assertThat(page.locator("h2.post-title")).hasText("A quiet room");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/threads/\\d+"));
    }

    @Test
    void aReactionSentWithoutASessionSaysWhyItDidNotHappen() {
        var jam = fixtures.liveJam("Reaction Jam");
        var forum = fixtures.forum(jam, "Canteen");
        var reader = fixtures.person("Reacting Reader", Role.PARTICIPANT);
        fixtures.join(jam, reader);
        var idea = fixtures.idea(forum, fixtures.poolAuthor(jam.id()), "Longer opening hours",
                "Open the canteen until eight in the evening");

        Chromium.signIn(page, port, reader.email(), Fixtures.PASSWORD);
        page.navigate("http://localhost:" + port + "/threads/" + idea.id());
        browser.context().clearCookies();
        page.locator("#post-" + idea.id() + " button.reaction-agree").click();

        var problem = page.locator("#htmx-problem");
        assertThat(problem).containsText("Your session has ended, so this was not saved.");
        assertThat(problem.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Sign in"))).isVisible();
        assertThat(page.locator("#post-" + idea.id() + " button.reaction-agree .count")).hasText("0");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("session-ended-reaction")));
    }
}
