package org.incrowd.report.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import org.incrowd.identity.Role;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The loop closed in a browser: an organiser writes the report with the keyboard (a refused publish keeps what was
 * typed) and publishes it; a participant on a phone finds it leading the closed Jam's home, reads it and downloads
 * the PDF.
 */
@IncrowdBrowserTest
class ReportBrowserTests {

    @RegisterExtension
    static final BrowserPages browser = new BrowserPages();

    @Test
    void anOrganiserWritesAndPublishesAndAParticipantOnAPhoneReadsAndDownloadsIt() throws Exception {
        var fixtures = browser.fixtures();
        var jam = fixtures.liveJam("Browser report Jam");
        var forum = fixtures.forum(jam, "Workplace");
        var participant = fixtures.person("Pat Phone", Role.PARTICIPANT);
        fixtures.join(jam, participant);
        var idea = fixtures.idea(forum, participant, "Quiet rooms on every floor", "For focused work.");
        var organiser = fixtures.organiser();

        Page desk = browser.signIn(browser.open(), organiser);
        desk.navigate(browser.url("/jams/" + jam.id() + "/report/edit"));
        desk.getByLabel("What we heard").focus();
        desk.keyboard().type("People need quiet places to think.");
        desk.keyboard().press("Tab");
        desk.keyboard().type("We start with two floors.");
        // Publishing with no recommendation is refused, and the text stays.
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish the report")).focus();
        desk.keyboard().press("Enter");
        assertThat(desk.getByText("A report needs at least one recommendation")).isVisible();
        assertThat(desk.getByLabel("What we heard")).hasValue("People need quiet places to think.");

        desk.locator("#rec-0-title").focus();
        desk.keyboard().type("Open quiet rooms");
        desk.keyboard().press("Tab");
        desk.keyboard().type("Many asked for them.");
        desk.locator("#rec-0-posts").fill("/threads/" + idea.id());
        desk.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("report-edit-desktop"))
                .setFullPage(true));
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish the report")).focus();
        desk.keyboard().press("Enter");
        desk.waitForURL("**/jams/" + jam.id() + "/report");
        assertThat(desk.locator("h3").first()).containsText("Open quiet rooms");
        fixtures.closeNow(jam);

        Page phone = browser.signIn(browser.open("en-GB", 390, 844), participant);
        phone.navigate(browser.url("/jams/" + jam.id()));
        var lead = phone.locator(".report-lead");
        assertThat(lead).containsText("People need quiet places to think.");
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("report-jam-home-phone")));
        lead.getByText("Read the report").click();
        assertThat(phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quiet rooms on every floor")))
                .hasAttribute("href", "/threads/" + idea.id());
        BrowserPages.assertFitsItsWindow(phone);
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("report-phone")).setFullPage(true));
        Download download = phone.waitForDownload(() -> phone.getByText("Download as PDF").first().click());
        byte[] pdf = Files.readAllBytes(download.path());
        assertThat(new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        assertThat(download.suggestedFilename()).isEqualTo("report-" + jam.id() + ".pdf");
    }
}
