package org.incrowd;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.incrowd.identity.IdentityService;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamPhase;
import org.incrowd.jam.JamService;
import org.incrowd.support.Chromium;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A person's way through the demo Jam in a real browser: sign up, open the live Jam, join it, post an idea, reply,
 * react and watch the counts change; the same by keyboard alone. Screenshots go to target/screenshots.
 */
@IncrowdBrowserTest
@TestPropertySource(properties = "incrowd.demo=true")
class ParticipantJourneyBrowserTests {

    @RegisterExtension
    static final BrowserPages pages = new BrowserPages();

    @LocalServerPort
    int port;
    @Autowired
    JamService jams;
    @Autowired
    IdentityService identity;

    private Page page;

    @BeforeEach
    void openPage() {
        page = pages.page();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Jam demoJam() {
        var admin = identity.findByEmail("admin@demo.incrowd.example").orElseThrow().asActor();
        return jams.visibleTo(admin).stream().filter(j -> j.phase(jams.now()) == JamPhase.LIVE).findFirst()
                .orElseThrow();
    }

    private void signUp(String email, String name) {
        page.navigate(url("/signup"));
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("a long enough password");
        page.getByLabel("Display name").fill(name);
        page.getByLabel("Country").selectOption("KE");
        page.getByLabel("Organisational unit").fill("Logistics");
        page.getByLabel("Job role").fill("Driver");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        // Sign-up does not tell whether the address had an account: the new account signs in next.
        assertThat(page.getByText("We sent a mail to this address")).isVisible();
        assertThat(page.getByLabel("E-mail address")).hasValue(email);
        page.getByLabel("Password").fill("a long enough password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Profile (" + name + ")")))
                .isVisible();
        // Posting needs a confirmed address: follow the link in the mail, as the person would.
        page.navigate(org.incrowd.support.MailCatcher.link(org.incrowd.support.MailCatcher.awaitOne(email), "/verify/"));
        assertThat(page.getByText("Your e-mail address is confirmed")).isVisible();
    }

    private void signUpJoinAndOpenFirstForum(String email, String name) {
        signUp(email, name);
        page.navigate(url("/jams/" + demoJam().id() + "/join"));
        page.getByLabel("I accept these terms").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join this Jam")).click();
        page.locator("section[aria-labelledby=forums-heading] h3 a").first().click();
    }

    @Test
    void participantJoinsTheDemoJamPostsAnIdeaRepliesAndReacts() {
        var jam = demoJam();
        signUp("amina@example.org", "Amina");

        page.navigate(url("/jams"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(jam.title())).first().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(jam.title()).setLevel(1)))
                .isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("jam-home")).setFullPage(true));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Join this Jam")).click();
        page.getByLabel("I accept these terms").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join this Jam")).click();
        assertThat(page.getByText("You have joined this Jam.")).isVisible();

        page.locator("section[aria-labelledby=forums-heading] h3 a").first().click();
        page.getByLabel("Title of your idea").fill("Night shifts need a quiet room");
        page.getByLabel("Your idea", new Page.GetByLabelOptions().setExact(true)).fill("Drivers on **night shifts** have nowhere to rest between routes.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post idea")).click();

        var idea = page.locator("article#" + page.url().replaceAll(".*/threads/(\\d+).*", "post-$1"));
        assertThat(idea.locator("strong").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("night shifts"))).isVisible();

        page.getByLabel("Your reply").fill("A rest room at the depot would help the early crew too.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post reply")).click();
        assertThat(page.getByText("A rest room at the depot would help the early crew too.")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("1 reply"))).isVisible();

        var agree = idea.locator("button.reaction-agree");
        assertThat(agree.locator(".count")).hasText("0");
        agree.click();
        assertThat(idea.locator("button.reaction-agree .count")).hasText("1");
        assertThat(idea.locator("button.reaction-agree")).hasAttribute("aria-pressed", "true");
        idea.locator("button.reaction-disagree").click();
        assertThat(idea.locator("button.reaction-disagree .count")).hasText("1");
        assertThat(idea.locator("button.reaction-agree .count")).hasText("0");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("thread-after-reactions"))
                .setFullPage(true));

        page.reload();
        assertThat(idea.locator("button.reaction-disagree .count")).hasText("1");

        // The Jam's activity stream names the reply and the idea it answers.
        page.navigate(url("/jams/" + jam.id()));
        assertThat(page.locator("#activity-stream li").first())
                .containsText("Amina replied to Night shifts need a quiet room");
    }

    @Test
    void aRefusedIdeaKeepsItsTextAndSaysWhatIsMissing() {
        signUpJoinAndOpenFirstForum("bo@example.org", "Bo");

        page.getByLabel("Your idea", new Page.GetByLabelOptions().setExact(true)).fill("Text that must survive a refusal");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post idea")).click();

        assertThat(page.getByText("Give your idea a short title.")).isVisible();
        assertThat(page.getByLabel("Your idea", new Page.GetByLabelOptions().setExact(true))).hasValue("Text that must survive a refusal");
        assertThat(page.getByLabel("Title of your idea")).hasAttribute("aria-invalid", "true");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("refused-idea")).setFullPage(true));
    }

    @Test
    void keyboardAloneReachesTheContentAndReacts() {
        signUpJoinAndOpenFirstForum("chen@example.org", "Chen");
        page.locator("#ideas h3 a").first().click();
        // A Tab pressed while the forum page is still shown would focus its skip link, lost when the thread arrives.
        assertThat(page.locator("#thread-idea")).isVisible();

        // The first Tab lands on the skip link; Enter moves focus into the main content.
        page.keyboard().press("Tab");
        assertThat(page.locator(":focus")).hasText("Skip to content");
        page.keyboard().press("Enter");
        assertThat(page.locator("main")).isFocused();

        // Tab on until the first Agree button has focus, then press it with the keyboard.
        String before = page.locator("article button.reaction-agree .count").first().textContent().strip();
        for (int i = 0; i < 40 && !page.locator("article button.reaction-agree").first().evaluate(
                "b => b === document.activeElement").equals(Boolean.TRUE); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(page.locator("article button.reaction-agree").first()).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("article button.reaction-agree .count").first())
                .hasText(String.valueOf(Integer.parseInt(before) + 1));
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("keyboard-reaction")));
    }
}
