package org.incrowd.jam;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.incrowd.identity.Role;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An organiser publishes new terms; a member's next idea is interrupted by the new terms, with what they typed kept
 * and shown, and one "I accept" posts it. Keyboard only, on a phone and on a desktop.
 */
@IncrowdBrowserTest
class TermsBrowserTests {

    @RegisterExtension
    static final BrowserPages pages = new BrowserPages();

    @Test
    void newTermsInterruptTheNextIdeaOnAPhoneAndAcceptingPostsItAsTyped() {
        newTermsInterruptTheNextIdea(390, 844, "terms-ask-phone");
    }

    @Test
    void newTermsInterruptTheNextIdeaOnADesktopAndAcceptingPostsItAsTyped() {
        newTermsInterruptTheNextIdea(1280, 900, "terms-ask-desktop");
    }

    private void newTermsInterruptTheNextIdea(int width, int height, String screenshot) {
        var fixtures = pages.fixtures();
        var jam = fixtures.jam("Canteen days " + width).terms("Be kind to the kitchen staff.").create();
        var forum = fixtures.forum(jam, "Lunch");
        var member = fixtures.person("Mia Member", Role.PARTICIPANT);
        fixtures.join(jam, member);

        var organiser = pages.signIn(pages.open(), fixtures.organiser());
        organiser.navigate(pages.url("/jams/" + jam.id() + "/edit"));
        organiser.getByLabel("Terms participants accept when they join").focus();
        organiser.keyboard().press("Control+A");
        organiser.keyboard().type("Be kind to the kitchen staff.\n\nNo photos of colleagues without asking.");
        organiser.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save Jam")).focus();
        organiser.keyboard().press("Enter");
        organiser.waitForURL("**/jams/" + jam.id() + "**");

        var page = pages.signIn(pages.open("en-GB", width, height), member);
        page.navigate(pages.url("/forums/" + forum.id()));
        page.getByLabel("Title of your idea").focus();
        page.keyboard().type("Soup on Fridays");
        page.keyboard().press("Tab");
        page.keyboard().type("A warm soup every Friday, also vegan.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post idea")).focus();
        page.keyboard().press("Enter");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("New terms: please read them before you post"))).isVisible();
        assertThat(page.getByText("No photos of colleagues without asking.")).isVisible();
        assertThat(page.getByText("Soup on Fridays")).isVisible();
        assertThat(page.getByText("A warm soup every Friday, also vegan.")).isVisible();
        page.getByText("What changed: the version you accepted before").focus();
        page.keyboard().press("Enter"); // opens the earlier version
        assertThat(page.getByText("Version 1, which you accepted")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot(screenshot)).setFullPage(true));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I accept, send my post")).focus();
        page.keyboard().press("Enter");
        page.waitForURL("**/threads/**");
        assertThat(page.locator("h2.post-title", new Page.LocatorOptions().setHasText("Soup on Fridays"))).isVisible();
        assertThat(page.getByText("A warm soup every Friday, also vegan.")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot(screenshot + "-posted")));
    }
}
