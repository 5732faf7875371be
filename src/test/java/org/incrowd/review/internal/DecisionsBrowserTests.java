package org.incrowd.review.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An organiser moves an idea to "selected" with a reason, by keyboard, from the idea's thread page; its author,
 * reading the thread on a phone, sees the decision and its reason arrive without reloading.
 */
@IncrowdBrowserTest
class DecisionsBrowserTests {

    private static final LocatorAssertions.ContainsTextOptions SOON =
            new LocatorAssertions.ContainsTextOptions().setTimeout(15_000);

    @RegisterExtension
    static final BrowserPages browser = new BrowserPages();

    @Test
    void anOrganiserSelectsAnIdeaWithAReasonAndItsAuthorSeesItLive() {
        var fixtures = browser.fixtures();
        var jam = fixtures.liveJam("Decided live " + System.nanoTime());
        var forum = fixtures.forum(jam, "Depots");
        var author = fixtures.person("Ada Author");
        fixtures.join(jam, author);
        var idea = fixtures.idea(forum, author, "Night buses", "Run buses after the late shift.");
        String thread = browser.url("/threads/" + idea.id());

        var phone = browser.signIn(browser.open("en-GB", 390, 844), author);
        phone.navigate(thread);
        var timeline = phone.locator("#review-" + idea.id());
        assertThat(timeline).containsText("No decision yet");
        assertThat(phone.locator(".decide-form")).hasCount(0);

        var desk = browser.signIn(browser.page(), fixtures.organiser());
        desk.navigate(thread);
        var stage = desk.getByLabel("Stage", new Page.GetByLabelOptions().setExact(true));
        stage.focus();
        stage.selectOption("selected");
        desk.keyboard().press("Tab");
        desk.keyboard().type("It costs little and helps the night shift.");
        desk.keyboard().press("Tab");
        desk.keyboard().press("Enter");
        assertThat(desk.locator("#review-" + idea.id())).containsText("It costs little and helps the night shift.");
        desk.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("decision-desktop")).setFullPage(true));

        assertThat(timeline).containsText("moved it to “Selected”", SOON);
        assertThat(timeline).containsText("Why: It costs little and helps the night shift.");
        assertThat(timeline.locator(".stage-badge")).containsText("Selected");
        BrowserPages.assertNothingSticksOut(phone);
        timeline.scrollIntoViewIfNeeded();
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("decision-phone")));
    }

    /**
     * A live refresh asked for just before the organiser stepped into the reason (a reaction elsewhere on the idea)
     * must not replace what they are typing: it waits until they leave the field.
     */
    @Test
    void aLiveRefreshArrivingWhileTheReasonIsTypedKeepsTheText() {
        var fixtures = browser.fixtures();
        var jam = fixtures.liveJam("Typing " + System.nanoTime());
        var idea = fixtures.idea(fixtures.forum(jam, "Yard"), "Shade over the yard");
        var page = browser.signIn(browser.page(), fixtures.organiser());
        page.navigate(browser.url("/threads/" + idea.id()));
        var reason = page.locator("#decision-reason-" + idea.id());

        page.evaluate("id => { htmx.ajax('GET', location.pathname, {target: '#thread-idea', select: '#thread-idea',"
                + " swap: 'outerHTML', headers: {'X-Incrowd-Live': 'refresh'}});"
                + " const reason = document.getElementById('decision-reason-' + id); reason.focus();"
                + " reason.value = 'Half a reason'; }", String.valueOf(idea.id()));
        page.waitForTimeout(1_500);

        assertThat(reason).hasValue("Half a reason");
        assertThat(reason).isFocused();
    }

    @Test
    void aDecisionWithoutReasonComesBackWithTheChosenStage() {
        var fixtures = browser.fixtures();
        var jam = fixtures.liveJam("Refused in browser " + System.nanoTime());
        var idea = fixtures.idea(fixtures.forum(jam, "Yard"), "Shade over the yard");
        var page = browser.signIn(browser.page(), fixtures.organiser());
        page.navigate(browser.url("/threads/" + idea.id()));

        page.getByLabel("Stage", new Page.GetByLabelOptions().setExact(true)).selectOption("not-pursued");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the decision")).press("Enter");

        assertThat(page.getByText("Write the reason for this decision").first()).isVisible();
        assertThat(page.getByLabel("Stage", new Page.GetByLabelOptions().setExact(true))).hasValue("not-pursued");
    }
}
