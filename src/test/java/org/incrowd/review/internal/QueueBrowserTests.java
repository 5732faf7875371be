package org.incrowd.review.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.incrowd.identity.ParticipantType;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An organiser filters the review queue for front-line authors and moves all of them to a stage with one reason, by
 * keyboard; the queue is usable on a 390 px phone, its table turned into cards.
 */
@IncrowdBrowserTest
class QueueBrowserTests {

    @RegisterExtension
    static final BrowserPages browser = new BrowserPages();

    @Test
    void anOrganiserFiltersTheQueueAndMovesAllMatchingIdeasWithOneReason() {
        var fixtures = browser.fixtures();
        var jam = fixtures.liveJam("Queue Jam");
        var forum = fixtures.forum(jam, "Depots");
        var client = fixtures.person("Cleo Client", ParticipantType.CLIENT);
        var employee = fixtures.person("Emil Employee", ParticipantType.EMPLOYEE);
        fixtures.join(jam, client);
        fixtures.join(jam, employee);
        for (int i = 1; i <= 3; i++) {
            fixtures.idea(forum, client, "Front-line idea " + i, "From the counter.");
        }
        var staffIdea = fixtures.idea(forum, employee, "Office idea", "From the office.");

        var page = browser.signIn(browser.page(), fixtures.organiser());
        page.navigate(browser.url("/jams/" + jam.id() + "/review"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("4 matching ideas")))
                .isVisible();

        page.getByLabel("Author's participant type").focus();
        page.getByLabel("Author's participant type").selectOption(new SelectOption().setLabel("Client"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("3 matching ideas")))
                .isVisible();
        assertThat(page.locator("table.queue-table")).not().containsText("Office idea");

        page.getByLabel("Select all 3 matching ideas").focus();
        page.keyboard().press("Space");
        page.getByLabel("Stage", new Page.GetByLabelOptions().setExact(true)).last()
                .selectOption("selected");
        page.getByLabel("Reason").focus();
        page.keyboard().type("Chosen for the pilot at the Northern depot.");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("review-queue-bulk"))
                .setFullPage(true));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).press("Enter");

        assertThat(page.locator("#queue-notice")).hasText("3 ideas were moved.");
        assertThat(page.locator("td.queue-stage").first()).hasText("Selected");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("review-queue-moved"))
                .setFullPage(true));

        var phone = browser.signIn(browser.open("en-GB", 390, 844), fixtures.organiser());
        phone.navigate(browser.url("/jams/" + jam.id() + "/review"));
        assertThat(phone.getByText("Office idea")).isVisible();
        BrowserPages.assertFitsItsWindow(phone);
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("review-queue-390"))
                .setFullPage(true));
        // The office idea was not among those moved.
        phone.navigate(browser.url("/jams/" + jam.id() + "/review?stage=new"));
        assertThat(phone.locator("tr.queue-row")).hasCount(1);
        assertThat(phone.locator("tr[data-idea='" + staffIdea.id() + "']")).isVisible();
    }
}
