package org.incrowd.insight.themes;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.incrowd.identity.Role;
import org.incrowd.insight.themes.algorithm.ThemeAnalysisTestData;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Jam Pulse in a real browser: themes computed while the page is open appear without a reload, with the trend
 * chart beside its table, each theme's summary, and an analyst's rename reaches an open page the same way; the page
 * fits a 390 px phone. Screenshots go to
 * target/screenshots.
 */
@IncrowdBrowserTest
class JamPulseBrowserTests {

    @RegisterExtension
    static final BrowserPages pages = new BrowserPages();

    @LocalServerPort
    int port;
    @Autowired
    ThemeRecompute recompute;
    @Autowired
    JamPulse pulse;

    private Page page;
    private Fixtures fixtures;

    @BeforeEach
    void openPage() {
        fixtures = pages.fixtures();
        page = pages.page();
    }

    @Test
    void themesComputedWhileThePageIsOpenAppearWithoutReloadAndRenamesFollow() {
        var jam = fixtures.liveJam("Live pulse");
        var forum = fixtures.forum(jam, "Commute and canteen");
        var reader = fixtures.person("Pulse reader", Role.PARTICIPANT);
        fixtures.join(jam, reader);
        Chromium.signIn(page, port, reader.email(), Fixtures.PASSWORD);
        page.navigate("http://localhost:" + port + "/jams/" + jam.id() + "/pulse");
        assertThat(page.getByText("Themes appear once there are enough posts to group.")).isVisible();

        // People write while the page is open; the background pass is simulated by one recompute.
        ThemeAnalysisTestData.bothTopics().forEach(text -> fixtures.idea(forum, text));
        org.assertj.core.api.Assertions.assertThat(recompute.recompute(jam.id())).isTrue();

        var table = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions()
                .setName("Themes with their size, trend and posts per time window, oldest window first"));
        assertThat(table).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
        assertThat(table.getByRole(AriaRole.ROW)).hasCount(3);
        assertThat(page.locator(".pulse-chart canvas")).hasCount(1);
        org.assertj.core.api.Assertions.assertThat(page.locator(".pulse-chart").boundingBox().height)
                .as("the chart is drawn at its height, not 0 px").isGreaterThan(100);
        assertThat(page.locator(".analyst-tools")).hasCount(0);

        var organiser = fixtures.organiser();
        String first = pulse.ofJam(fixtures.actor(organiser), jam.id()).themes().getFirst().key();
        pulse.rename(fixtures.actor(organiser), jam.id(), 0, first, "Named live by an analyst");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Named live by an analyst")))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
        assertThat(page.locator(".theme-summary").first()).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("jam-pulse")).setFullPage(true));
        page.setViewportSize(390, 844);
        // The chart redraws itself at the new width on the window's resize event, a moment after the resize. Polled
        // from here: waitForFunction evaluates its text in the page, which the page's CSP (no unsafe-eval) refuses.
        for (int attempt = 0; attempt < 100 && !BrowserPages.fitsItsWindow(page); attempt++) {
            page.waitForTimeout(100);
        }
        BrowserPages.assertFitsItsWindow(page);
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("jam-pulse-390")).setFullPage(true));
    }
}
