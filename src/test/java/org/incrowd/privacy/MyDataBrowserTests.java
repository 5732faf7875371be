package org.incrowd.privacy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Role;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On a phone and on a desktop, with the keyboard alone: a person reads and downloads their data from their profile,
 * and deletes their account, after which their idea shows a former participant and their reaction still counts.
 */
@IncrowdBrowserTest
class MyDataBrowserTests {

    @RegisterExtension
    static final BrowserPages pages = new BrowserPages();

    @Test
    void onAPhoneAPersonOpensTheirDataFromTheProfileAndDownloadsItAsJson() {
        var fixtures = pages.fixtures();
        var jam = fixtures.liveJam("Data day " + System.nanoTime());
        var forum = fixtures.forum(jam, "Canteen");
        var person = fixtures.person("Philippa Phone", Role.PARTICIPANT);
        fixtures.join(jam, person);
        fixtures.idea(forum, person, "Soup on Fridays", "A warm soup every Friday, please.");
        var page = pages.open("en-GB", 390, 844);
        pages.signIn(page, person);
        page.navigate(pages.url("/profile"));

        var link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See and download your data"));
        link.focus();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your data").setLevel(1)))
                .isVisible();
        assertThat(page.locator("main")).containsText("A warm soup every Friday, please.");
        assertThat(page.locator("main")).containsText(person.email());
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("my-data-phone")).setFullPage(true));
        BrowserPages.assertFitsItsWindow(page);

        var json = page.request().get(pages.url("/profile/data.json"));
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.text()).contains("A warm soup every Friday, please.").contains("Soup on Fridays");
    }

    @Test
    void aPersonDeletesTheirAccountWithTheKeyboardAndTheirIdeaShowsAFormerParticipant() {
        var fixtures = pages.fixtures();
        var jam = fixtures.liveJam("Farewell " + System.nanoTime());
        var forum = fixtures.forum(jam, "Office");
        var leaving = fixtures.person("Leopold Leaving", Role.PARTICIPANT);
        var staying = fixtures.person("Stella Staying", Role.PARTICIPANT);
        fixtures.join(jam, leaving);
        fixtures.join(jam, staying);
        var idea = fixtures.idea(forum, leaving, "Plants everywhere", "Put a plant on every desk.");
        var stayingIdea = fixtures.idea(forum, staying, "Bright lamps", "Better lamps for winter.");
        fixtures.reacting().react(fixtures.actor(leaving), stayingIdea.id(), ReactionKind.AGREE);

        var page = pages.open();
        pages.signIn(page, leaving);
        page.navigate(pages.url("/profile"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete my account")).focus();
        page.keyboard().press("Enter");
        // Without the box ticked: refused, nothing deleted.
        page.getByLabel("Your password").focus();
        page.keyboard().type(org.incrowd.support.Fixtures.PASSWORD);
        page.keyboard().press("Enter");
        assertThat(page.getByText("Tick the box to confirm that you understand. Nothing was deleted.").first())
                .isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("my-data-delete-refused")));

        page.getByLabel("Your password").focus();
        page.keyboard().type(org.incrowd.support.Fixtures.PASSWORD);
        page.keyboard().press("Tab");
        page.keyboard().press("Space");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your account is deleted")))
                .isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("my-data-deleted")));

        var other = pages.open();
        pages.signIn(other, staying);
        other.navigate(pages.url("/threads/" + idea.id()));
        assertThat(other.locator("main")).containsText("Former participant");
        assertThat(other.locator("main")).not().containsText("Leopold");
        other.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("my-data-former-participant")));
        other.navigate(pages.url("/forums/" + forum.id()));
        assertThat(other.locator("main")).containsText("Agree 1");
    }
}
