package org.incrowd.report;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An organiser chooses a forum and "authors removed" by keyboard and downloads the zip; publishes it; a participant
 * on a phone then finds the published export and downloads it.
 */
@IncrowdBrowserTest
class OpenDataBrowserTests {

    @RegisterExtension
    static final BrowserPages browser = new BrowserPages();

    @Test
    void anOrganiserChoosesAModeByKeyboardDownloadsAndPublishesAndAParticipantOnAPhoneDownloadsIt() throws Exception {
        var fixtures = browser.fixtures();
        var jam = fixtures.liveJam("Open data in a browser");
        var forum = fixtures.forum(jam, "Travel");
        fixtures.forum(jam, "Food");
        var author = fixtures.person("Cleo Downloadable");
        fixtures.join(jam, author);
        var idea = fixtures.idea(forum, author, "Trains over planes", "For trips under 600 km.");
        fixtures.reacting().react(fixtures.actor(fixtures.organiser()), idea.id(), ReactionKind.AGREE);

        var page = browser.signIn(browser.page(), fixtures.organiser());
        page.navigate(browser.url("/jams/" + jam.id() + "/open-data"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Open data"))).isVisible();
        page.getByLabel("What to export").focus();
        page.getByLabel("What to export").selectOption(String.valueOf(forum.id()));
        page.getByLabel("Pseudonymised").focus();
        page.keyboard().press("ArrowDown"); // radio buttons move by arrow keys
        assertThat(page.getByLabel("Authors removed")).isChecked();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("open-data-organiser"))
                .setFullPage(true));
        var download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Download the zip")).press("Enter"));
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename())
                .isEqualTo("open-data-jam-" + jam.id() + "-forum-" + forum.id() + "-removed.zip");
        var files = OpenDataDownloads.files(Files.readAllBytes(download.path()));
        org.assertj.core.api.Assertions.assertThat(files.get("posts.csv")).contains("Trains over planes")
                .doesNotContain("Cleo");
        org.assertj.core.api.Assertions.assertThat(files.get("posts.csv").lines().findFirst().orElseThrow())
                .doesNotContain("author,");

        page.getByLabel("Personal data").last().selectOption("pseudonymised");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish the open data")).press("Enter");
        assertThat(page.getByText("Published (Pseudonymised)")).isVisible();

        var phone = browser.signIn(browser.open("en-GB", 390, 844), author);
        phone.navigate(browser.url("/jams/" + jam.id() + "/open-data"));
        assertThat(phone.getByText("Published (Pseudonymised)")).isVisible();
        assertThat(phone.getByText("Publish the open data")).hasCount(0);
        BrowserPages.assertFitsItsWindow(phone);
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("open-data-390"))
                .setFullPage(true));
        var published = phone.waitForDownload(() -> phone.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Download the zip")).press("Enter"));
        var publicFiles = OpenDataDownloads.files(Files.readAllBytes(published.path()));
        org.assertj.core.api.Assertions.assertThat(publicFiles.get("posts.csv")).contains("Trains over planes")
                .contains(",p-").doesNotContain("Cleo");
    }
}
