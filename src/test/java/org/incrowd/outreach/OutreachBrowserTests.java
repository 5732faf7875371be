package org.incrowd.outreach;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import org.incrowd.identity.Role;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A poster in the depot, a phone in a pocket: the organiser makes a short link and prints its poster, a person scans
 * it, signs in and lands on the forum; in a plain-language Jam the question comes first and the reactions have
 * pictures with words. Keyboard only, at 390 px and on a desktop.
 */
@IncrowdBrowserTest
class OutreachBrowserTests {

    @RegisterExtension
    static final BrowserPages pages = new BrowserPages();

    private static void typeInto(Page page, String label, String text) {
        page.getByLabel(label).focus();
        page.keyboard().type(text);
    }

    @Test
    void anOrganiserMakesALinkAndPrintsItsPosterAndAPhoneFollowsItToTheForum() {
        var fixtures = pages.fixtures();
        var jam = fixtures.jam("Depot Jam").question("How do we make night shifts easier?").create();
        var forum = fixtures.forum(jam, "Night shift");
        var driver = fixtures.person("Driver Dmitri", Role.PARTICIPANT);
        fixtures.join(jam, driver);
        String slug = "night-" + System.nanoTime() % 1_000_000;

        // The organiser, at a desktop, keyboard only.
        var desk = pages.open();
        pages.signIn(desk, fixtures.organiser());
        desk.navigate(pages.url("/jams/" + jam.id() + "/links"));
        desk.getByLabel("Where the link leads").focus();
        desk.keyboard().press("ArrowDown"); // the first forum: Night shift
        typeInto(desk, "Readable name (optional)", slug);
        desk.keyboard().press("Enter");
        var made = desk.locator("li.short-link").first();
        assertThat(made).containsText(pages.url("/s/" + slug));
        assertThat(made).containsText("Leads to: Night shift");
        desk.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("outreach-links")).setFullPage(true));

        made.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Poster")
                .setExact(true)).focus();
        desk.keyboard().press("Enter");
        assertThat(desk.locator("h1.poster-question")).hasText("What do you think about Night shift?");
        assertThat(desk.locator(".poster-url")).hasText(pages.url("/s/" + slug));
        assertThat(desk.locator(".poster-qr svg")).isVisible();
        desk.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(desk.locator(".poster-tools")).isHidden();
        desk.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("outreach-poster-print"))
                .setFullPage(true));
        byte[] printed = desk.pdf(new Page.PdfOptions().setFormat("A4").setPrintBackground(true));
        org.assertj.core.api.Assertions.assertThat(new String(printed, 0, 5,
                java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        // A phone scans the poster: sign-in first (the Jam is for members), then straight to the forum.
        var phone = pages.open("en-GB", 390, 844);
        phone.navigate(pages.url("/s/" + slug));
        typeInto(phone, "E-mail address", driver.email());
        typeInto(phone, "Password", Fixtures.PASSWORD);
        phone.keyboard().press("Enter");
        assertThat(phone).hasURL(java.util.regex.Pattern.compile(".*/forums/" + forum.id() + "(\\?.*)?$"));
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Night shift");
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("outreach-phone-forum")));

        // The organiser withdraws the link; the phone is told so.
        desk.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
        desk.navigate(pages.url("/jams/" + jam.id() + "/links"));
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw the link")).first().focus();
        desk.keyboard().press("Enter");
        assertThat(desk.locator("li.short-link").first()).containsText("Withdrawn");
        phone.navigate(pages.url("/s/" + slug));
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Link withdrawn");
    }

    @Test
    void aPlainLanguageJamShowsTheQuestionFirstAndReactionPicturesWithWords() {
        var fixtures = pages.fixtures();
        var jam = fixtures.jam("Cleaning Jam").question("What would make your work easier?").create();
        var forum = fixtures.forum(jam, "Tools");
        var idea = fixtures.idea(forum, "Lighter mops");
        var cleaner = fixtures.person("Cleaner Carla", Role.PARTICIPANT);
        fixtures.join(jam, cleaner);

        // The organiser ticks "plain language" on the Jam's form, by keyboard.
        var desk = pages.open();
        pages.signIn(desk, fixtures.organiser());
        desk.navigate(pages.url("/jams/" + jam.id() + "/edit"));
        desk.getByLabel("Use plain language on this Jam's pages").focus();
        desk.keyboard().press("Space");
        desk.keyboard().press("Tab");
        desk.keyboard().press("Enter");
        assertThat(desk.getByLabel("Use plain language on this Jam's pages")).isChecked();

        var phone = pages.open("en-GB", 390, 844);
        pages.signIn(phone, cleaner);
        phone.navigate(pages.url("/forums/" + forum.id()));
        var heading = phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
        assertThat(heading).hasText("What do you think about Tools?");
        assertThat(phone.locator("main h1").first()).hasClass("plain-question");
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Give your idea")))
                .isVisible();
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("outreach-plain-forum-390"))
                .setFullPage(true));

        phone.navigate(pages.url("/threads/" + idea.id()));
        var agree = phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I agree 0"));
        assertThat(agree).isVisible();
        var picture = agree.locator("img.reaction-icon");
        assertThat(picture).isVisible();
        assertThat(picture).hasAttribute("alt", "");
        Object loaded = picture.evaluate("img => img.complete && img.naturalWidth > 0");
        org.assertj.core.api.Assertions.assertThat(loaded).as("the picture is served").isEqualTo(true);
        assertThat(phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I do not agree 0")))
                .isVisible();
        assertThat(phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("This helps 0")))
                .isVisible();
        agree.focus();
        phone.keyboard().press("Enter");
        var pressed = phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I agree 1"));
        assertThat(pressed).hasAttribute("aria-pressed", "true");
        assertThat(pressed).isFocused();
        assertThat(pressed.locator("img.reaction-icon")).isVisible();
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("outreach-plain-thread-390"))
                .setFullPage(true));
    }
}
