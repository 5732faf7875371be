package org.incrowd.privacy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.incrowd.identity.Role;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.HiddenAuthors;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A reveal in a real browser, from the keyboard: administrator A asks from the thread page with a reason; B approves
 * on a 390 px phone; A then sees the author's name; the author signs in and reads the notice. Screenshots go to
 * target/screenshots.
 */
@IncrowdBrowserTest
class RevealsBrowserTests {

    @RegisterExtension
    static final BrowserPages pages = new BrowserPages();

    @Autowired
    ApplicationContext context;

    @Test
    void twoAdministratorsRevealAnAuthorWhoIsThenTold() {
        var hidden = HiddenAuthors.in(context);
        var fixtures = hidden.fixtures;
        var asker = fixtures.person("Asha Asking", Role.ADMINISTRATOR);
        var approver = fixtures.person("Bo Approving", Role.ADMINISTRATOR);
        var idea = hidden.pseudonymousIdea("Depot threats", "Someone at the depot threatens the night shift.");

        var desk = pages.signIn(pages.page(), asker);
        desk.navigate(pages.url("/threads/" + idea.id()));
        desk.locator(".reveal-note a").focus();
        desk.keyboard().press("Enter");
        assertThat(desk.locator("h1")).containsText("Ask to reveal a post's author");
        assertThat(desk.locator(".reveal-text")).containsText("Someone at the depot threatens the night shift.");
        desk.locator("#reason").focus();
        desk.keyboard().type("The night shift reported threats; HR must speak to the author.");
        desk.keyboard().press("Tab");
        desk.keyboard().press("Enter");
        assertThat(desk.locator(".reveal-state")).containsText("Waiting for a second administrator");
        assertThat(desk.locator("main")).not().containsText(HiddenAuthors.NAME);
        String request = desk.url();

        var phone = pages.signIn(pages.open("en-GB", 390, 844), approver);
        phone.navigate(pages.url("/admin/reveals"));
        assertThat(phone.locator(".reveal-list").first()).containsText("The night shift reported threats");
        phone.locator("a[href='" + request.substring(request.indexOf("/admin/reveals/")) + "']").first().focus();
        phone.keyboard().press("Enter");
        phone.locator("#note").focus();
        phone.keyboard().type("Agreed after talking to HR.");
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("reveal-approve-390"))
                .setFullPage(true));
        phone.keyboard().press("Tab");
        phone.keyboard().press("Enter");
        assertThat(phone.locator(".reveal-author")).containsText(HiddenAuthors.NAME);

        desk.navigate(request);
        assertThat(desk.locator(".reveal-author")).containsText(HiddenAuthors.NAME);
        assertThat(desk.locator(".reveal-author")).containsText(hidden.author.email());
        desk.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("reveal-approved-desktop"))
                .setFullPage(true));
        desk.navigate(pages.url("/threads/" + idea.id()));
        assertThat(desk.locator("main")).not().containsText(HiddenAuthors.NAME);

        var author = pages.signIn(pages.open("en-GB", 390, 844), hidden.author);
        author.navigate(pages.url("/notifications"));
        assertThat(author.locator("main")).containsText("Two administrators approved revealing to each other");
        assertThat(author.locator("main")).containsText("The night shift reported threats");
        author.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("reveal-notice-390"))
                .setFullPage(true));
    }
}
