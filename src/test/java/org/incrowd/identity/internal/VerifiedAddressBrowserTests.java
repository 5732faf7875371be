package org.incrowd.identity.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import org.incrowd.identity.ParticipantType;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.incrowd.support.MailCatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ways in, in a real browser and by keyboard alone, with the mails read from a real SMTP server: sign up, follow
 * the link, join an open Jam and post (desktop); ask for the link again from the notice, and reset a forgotten
 * password (390 px wide, a phone).
 */
@IncrowdBrowserTest
class VerifiedAddressBrowserTests {

    @RegisterExtension
    static final BrowserPages browser = new BrowserPages();

    /** Presses Tab until {@code target} has the focus, as a keyboard user would, then leaves it there. */
    private static void tabTo(Page page, Locator target) {
        for (int i = 0; i < 80; i++) {
            page.keyboard().press("Tab");
            if ((Boolean) target.evaluate("e => e === document.activeElement")) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + target);
    }

    private static void type(Page page, Locator field, String text) {
        tabTo(page, field);
        page.keyboard().type(text);
    }

    @Test
    void signUpFollowTheMailedLinkJoinAnOpenJamAndPostByKeyboard() {
        var fixtures = browser.fixtures();
        var jam = fixtures.jam("Open Jam for the public").audience(ParticipantType.PUBLIC).create();
        var forum = fixtures.forum(jam, "Better buses");
        String email = fixtures.email("keyboard-sign-up");
        var page = browser.page();

        page.navigate(browser.url("/signup"));
        type(page, page.getByLabel("E-mail address"), email);
        type(page, page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)), Fixtures.PASSWORD);
        type(page, page.getByLabel("Display name"), "Kim Keyboard");
        page.keyboard().press("Enter");
        assertThat(page.getByText("We sent a mail to this address")).isVisible();
        type(page, page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)), Fixtures.PASSWORD);
        page.keyboard().press("Enter");

        assertThat(page.getByText("Please confirm your e-mail address")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("verify-notice-desktop")));

        page.navigate(MailCatcher.link(MailCatcher.awaitOne(email), "/verify/"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your e-mail address is confirmed")))
                .isVisible();
        assertThat(page.getByText("Please confirm your e-mail address")).hasCount(0);

        page.navigate(browser.url("/jams/" + jam.id() + "/join"));
        tabTo(page, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join this Jam")));
        page.keyboard().press("Enter");
        assertThat(page.getByText("You have joined this Jam.")).isVisible();

        page.navigate(browser.url("/forums/" + forum.id()));
        type(page, page.getByLabel("Title of your idea", new Page.GetByLabelOptions().setExact(true)), "Night buses every 20 minutes");
        type(page, page.getByLabel("Your idea", new Page.GetByLabelOptions().setExact(true)),
                "People on late shifts wait an hour for the last bus.");
        tabTo(page, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post idea")));
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Night buses every 20 minutes")).first()).isVisible();
    }

    @Test
    void theNoticeSendsTheLinkAgainOnAPhoneByKeyboard() {
        var fixtures = browser.fixtures();
        var person = fixtures.unverified("Pia Phone");
        var page = browser.open("en-GB", 390, 844);
        browser.signIn(page, person);

        var resend = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the link again"));
        assertThat(resend).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("verify-notice-phone")));
        tabTo(page, resend);
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("We sent you a new link")))
                .isVisible();

        var mails = MailCatcher.await(person.email(), 2, Duration.ofSeconds(10));
        page.navigate(MailCatcher.link(mails.getLast(), "/verify/"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your e-mail address is confirmed")))
                .isVisible();
        assertThat(resend).hasCount(0);
    }

    @Test
    void aForgottenPasswordIsResetByMailOnAPhoneByKeyboard() {
        var fixtures = browser.fixtures();
        var person = fixtures.person("Fiona Forgetful");
        var page = browser.open("en-GB", 390, 844);

        page.navigate(browser.url("/signin"));
        tabTo(page, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?")));
        page.keyboard().press("Enter");
        type(page, page.getByLabel("E-mail address"), person.email());
        page.keyboard().press("Enter");
        assertThat(page.getByText("we have sent a link to it")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("reset-sent-phone")));

        page.navigate(MailCatcher.link(MailCatcher.awaitOne(person.email()), "/reset/"));
        type(page, page.getByLabel("New password"), "short");
        page.keyboard().press("Enter");
        assertThat(page.getByText("Choose a password of at least 12 characters.").first()).isVisible();
        type(page, page.getByLabel("New password"), "a new passphrase for Fiona");
        page.keyboard().press("Enter");
        assertThat(page.getByText("Your password is changed.")).isVisible();

        type(page, page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)),
                "a new passphrase for Fiona");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Profile (Fiona Forgetful)")))
                .isVisible();
    }
}
