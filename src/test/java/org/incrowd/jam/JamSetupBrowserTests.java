package org.incrowd.jam;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Setting up a Jam as an organiser, in a browser with JavaScript switched off: the basic flows must not need it.
 */
@IncrowdBrowserTest
class JamSetupBrowserTests {

    @RegisterExtension
    static final BrowserPages browser = new BrowserPages();

    private Fixtures fixtures;
    private Page page;

    @BeforeEach
    void signInAsOrganiser() {
        fixtures = browser.fixtures();
        page = browser.signIn(browser.openWithoutScript(), fixtures.organiser());
    }

    private Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    private void edit(Jam jam) {
        page.navigate(browser.url("/jams/" + jam.id() + "/edit"));
    }

    @Test
    void theTimeZoneIsPickedFromAGroupedListWithTheCurrentOneChosen() {
        var jam = fixtures.jam("Zoned Jam").startsIn(Duration.ofDays(2)).endsIn(Duration.ofDays(5)).create();
        edit(jam);
        var zone = page.getByLabel("Time zone");
        assertThat(zone).hasValue("UTC");
        assertThat(page.locator("#timeZone optgroup[label=Europe] option[value='Europe/Berlin']"))
                .hasText(java.util.regex.Pattern.compile("^Berlin \\(UTC\\+0[12]:00\\)$"));

        zone.selectOption("Asia/Tokyo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save Jam").setExact(true)).click();
        assertThat(page.getByLabel("Time zone")).hasValue("Asia/Tokyo");
        assertThat(fixtures.jams().require(fixtures.actor(fixtures.organiser()), jam.id()).timeZone().getId())
                .isEqualTo("Asia/Tokyo");
    }

    @Test
    void aBadInvitationListNamesTheBadLinesAndKeepsWhatWasTyped() {
        var jam = fixtures.jam("Invited Jam").startsIn(Duration.ofDays(2)).endsIn(Duration.ofDays(5)).create();
        edit(jam);
        String typed = "ana@example.org\nbob@\ncarl@example.org, not-an-address\n\ndora@example.org";
        page.getByLabel("Invited e-mail addresses").fill(typed);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save Jam").setExact(true)).click();

        assertThat(page.locator("#invitations-error"))
                .hasText("Lines 2, 3 hold something that is not an e-mail address: bob@, not-an-address.");
        assertThat(page.getByLabel("Invited e-mail addresses")).hasValue(typed);
    }

    @Test
    void thePurposeIsShownAsSafeMarkdown() {
        var jam = fixtures.jam("Markdown Jam").purpose("We **need** your ideas:\n\n- canteen\n- commute\n\n"
                + "<script>document.title='owned'</script>[more](javascript:alert(1))").create();
        page.navigate(browser.url("/jams/" + jam.id()));

        var purpose = page.locator(".purpose");
        assertThat(purpose.locator("strong")).hasText("need");
        assertThat(purpose.locator("li")).hasCount(2);
        assertThat(purpose.locator("script")).hasCount(0);
        assertThat(purpose.locator("a[href^=javascript]")).hasCount(0);
        assertThat(purpose).containsText("<script>");
    }

    @Test
    void openNowAsksFirstAndKeepsThePlannedDuration() {
        var jam = fixtures.jam("Early Jam").startsIn(Duration.ofDays(2)).endsIn(Duration.ofDays(5)).create();
        edit(jam);
        page.getByRole(AriaRole.LINK, named("Open now")).click();

        var ask = page.getByRole(AriaRole.ALERTDIALOG);
        assertThat(ask).containsText("Open “Early Jam” now?");
        assertThat(ask).containsText("as long as planned (3 days)");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("jam-open-confirm")));
        ask.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Cancel")).click();
        var organiser = fixtures.actor(fixtures.organiser());
        assertThat(fixtures.jams().require(organiser, jam.id()).phase(fixtures.jams().now()))
                .as("cancelled: still scheduled").isEqualTo(JamPhase.SCHEDULED);

        page.getByRole(AriaRole.LINK, named("Open now")).click();
        page.getByRole(AriaRole.BUTTON, named("Yes, open now")).click();
        var opened = fixtures.jams().require(organiser, jam.id());
        assertThat(opened.phase(fixtures.jams().now())).isEqualTo(JamPhase.LIVE);
        assertThat(opened.plannedDuration()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void closeNowAsksFirst() {
        var jam = fixtures.liveJam("Closing Jam");
        edit(jam);
        page.getByRole(AriaRole.LINK, named("Close now")).click();
        assertThat(page.getByRole(AriaRole.ALERTDIALOG)).containsText("Nobody can post any more once it is closed.");
        page.getByRole(AriaRole.BUTTON, named("Yes, close now")).click();
        var organiser = fixtures.actor(fixtures.organiser());
        assertThat(fixtures.jams().require(organiser, jam.id()).phase(fixtures.jams().now()))
                .isEqualTo(JamPhase.CLOSED);
    }
}
