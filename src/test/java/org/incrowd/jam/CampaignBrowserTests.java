package org.incrowd.jam;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.incrowd.identity.Role;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An organiser opens an idea box with the keyboard alone, and a participant on a phone posts the first idea to it.
 */
@IncrowdBrowserTest
class CampaignBrowserTests {

    @RegisterExtension
    static final BrowserPages browser = new BrowserPages();

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private static Page.GetByLabelOptions exact() {
        return new Page.GetByLabelOptions().setExact(true);
    }

    @Test
    void anOrganiserOpensAnIdeaBoxWithTheKeyboardAndAParticipantOnAPhonePostsAnIdeaToIt() {
        Fixtures fixtures = browser.fixtures();
        String title = "Ideas for the canteen " + System.nanoTime();
        var page = browser.signIn(browser.open(), fixtures.organiser());
        page.navigate(browser.url("/jams/new"));

        // A radio group: the arrow key moves from "Jam" to "Idea box"; the end and prize fields then step aside.
        page.getByLabel("Jam", exact()).focus();
        page.keyboard().press("ArrowDown");
        assertThat(page.getByLabel("Idea box", exact())).isChecked();
        assertThat(page.locator("#endsAt")).isHidden();
        assertThat(page.locator("#prize")).isHidden();
        page.getByLabel("Title", exact()).fill(title);
        page.getByLabel("Starts").fill(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(5)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString());
        page.getByLabel("For which unit").fill("Facilities");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("campaign-new-idea-box"))
                .setFullPage(true));
        page.getByRole(AriaRole.BUTTON, named("Create Jam")).press("Enter");
        page.getByRole(AriaRole.BUTTON, named("Publish")).press("Enter");
        page.navigate(browser.url(page.url().replaceAll("^.*/jams/(\\d+).*$", "/jams/$1/edit")));
        page.getByLabel("Forum title").fill("Lunch");
        page.getByRole(AriaRole.BUTTON, named("Add a forum")).press("Enter");

        page.navigate(browser.url("/jams"));
        var card = page.locator("li.card").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(title));
        assertThat(card).containsText("Idea box");
        assertThat(card).containsText("for Facilities");
        assertThat(card).containsText("Live");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("campaign-list")));

        var participant = fixtures.person("Pia Phone", Role.PARTICIPANT);
        var phone = browser.signIn(browser.open("en-GB", 390, 844), participant);
        phone.navigate(browser.url("/jams"));
        phone.getByRole(AriaRole.LINK, named(title)).press("Enter");
        assertThat(phone.locator(".schedule")).containsText("without end");
        phone.getByRole(AriaRole.LINK, named("Join this Jam")).press("Enter");
        phone.getByRole(AriaRole.BUTTON, named("Join this Jam")).press("Enter");
        phone.getByRole(AriaRole.LINK, named("Lunch")).press("Enter");
        phone.getByLabel("Title of your idea", exact()).fill("Soup on Fridays");
        phone.getByLabel("Your idea", exact()).fill("A warm soup every Friday, made with local vegetables.");
        phone.getByRole(AriaRole.BUTTON, named("Post idea")).press("Enter");
        assertThat(phone.locator("h1")).containsText("Soup on Fridays");

        phone.navigate(browser.url("/jams"));
        BrowserPages.assertFitsItsWindow(phone);
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("campaign-list-390"))
                .setFullPage(true));
    }
}
