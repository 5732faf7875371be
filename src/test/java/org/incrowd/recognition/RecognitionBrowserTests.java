package org.incrowd.recognition;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import org.incrowd.jam.JamKind;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The givers page and the rules behind it in a real browser, from the keyboard: an organiser of a challenge awards its
 * prize (a refused reason keeps what was typed); a participant on a 390 px phone reads who helped and how, and follows
 * the link to the rules. Screenshots go to target/screenshots.
 */
@IncrowdBrowserTest
class RecognitionBrowserTests {

    @RegisterExtension
    static final BrowserPages pages = new BrowserPages();

    @Test
    void anOrganiserAwardsAChallengesPrizeFromTheKeyboard() {
        var fixtures = pages.fixtures();
        var challenge = fixtures.jam("Fuel challenge").campaign(JamKind.CHALLENGE, "A day off", null)
                .endsIn(Duration.ofDays(5)).create();
        var forum = fixtures.forum(challenge, "Ideas");
        var author = fixtures.person("Maria Nightshift");
        var reader = fixtures.person("Rui Reader");
        fixtures.join(challenge, author);
        fixtures.join(challenge, reader);
        var idea = fixtures.idea(forum, author, "Idle engines off", "Saves fuel at the depot.");
        fixtures.reacting().markHelpful(fixtures.actor(reader), idea.id());

        var desk = pages.signIn(pages.page(), fixtures.organiser());
        desk.navigate(pages.url("/jams/" + challenge.id() + "/givers"));
        assertThat(desk.locator(".givers")).containsText("Maria Nightshift");
        assertThat(desk.locator(".givers")).containsText("Posts others found helpful");

        desk.locator("#idea").focus();
        desk.keyboard().type(String.valueOf(idea.id()));
        desk.keyboard().press("Tab");
        desk.keyboard().press("Tab");
        desk.keyboard().type("Short");
        desk.keyboard().press("Tab");
        desk.keyboard().press("Enter");
        assertThat(desk.locator("#reason-error")).containsText("at least 10 characters");
        assertThat(desk.locator("#idea")).hasValue(String.valueOf(idea.id()));
        assertThat(desk.locator("#reason")).hasValue("Short");

        desk.locator("#reason").focus();
        desk.keyboard().press("End");
        desk.keyboard().type(": it saved 4% fuel in a week.");
        desk.keyboard().press("Tab");
        desk.keyboard().press("Enter");
        assertThat(desk.locator(".prize")).containsText("Maria Nightshift");
        assertThat(desk.locator(".prize-reason")).containsText("Short: it saved 4% fuel in a week.");
        desk.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("givers-prize-desktop"))
                .setFullPage(true));
    }

    @Test
    void aParticipantReadsTheGiversAndTheRulesOnAPhone() {
        var fixtures = pages.fixtures();
        var jam = fixtures.liveJam("Depot Jam");
        var forum = fixtures.forum(jam, "Safety");
        var helper = fixtures.person("Dana Helper");
        var participant = fixtures.person("Pia Participant");
        fixtures.join(jam, helper);
        fixtures.join(jam, participant);
        var question = fixtures.idea(forum, participant, "Where are the helmets?", "I am new here.");
        var reply = fixtures.reply(question, helper, "In the blue locker by the gate.");
        fixtures.reacting().markHelpful(fixtures.actor(participant), reply.id());

        var phone = pages.signIn(pages.open("en-GB", 390, 844), participant);
        phone.navigate(pages.url("/jams/" + jam.id() + "/givers"));
        assertThat(phone.locator(".givers")).containsText("Dana Helper");
        assertThat(phone.locator(".givers")).containsText("Help for newcomers");
        var rules = phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("How helping is recognised"))
                .first();
        rules.focus();
        phone.keyboard().press("Enter");

        phone.waitForURL("**/givers/rules");
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("How helping is recognised");
        assertThat(phone.locator("main")).containsText("at most 20%");
        BrowserPages.assertFitsItsWindow(phone);
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("givers-rules-phone"))
                .setFullPage(true));
    }
}
