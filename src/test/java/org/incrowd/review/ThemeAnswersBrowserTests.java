package org.incrowd.review;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.incrowd.identity.Role;
import org.incrowd.insight.themes.algorithm.ThemeAnalysisTestData;
import org.incrowd.review.internal.AnswerStore;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The loop of a theme in a real browser, from the keyboard: an organiser recomputes the Jam Pulse, follows "answer
 * this theme" and answers it; a participant on a 390 px phone finds the answer under their post and rates it; the
 * organiser's open page shows the rating live. Screenshots go to target/screenshots.
 */
@IncrowdBrowserTest
class ThemeAnswersBrowserTests {

    private static final LocatorAssertions.IsVisibleOptions SOON =
            new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);

    @RegisterExtension
    static final BrowserPages pages = new BrowserPages();

    @Autowired
    ThemeAnswers answers;
    @Autowired
    AnswerStore store;

    @Test
    void anOrganiserAnswersAThemeAndAParticipantRatesItFromThePhone() {
        var fixtures = pages.fixtures();
        var jam = fixtures.liveJam("Loop Jam");
        var forum = fixtures.forum(jam, "Getting to work and eating there");
        var participant = fixtures.person("Pia Participant", Role.PARTICIPANT);
        fixtures.join(jam, participant);
        ThemeAnalysisTestData.BIKES.forEach(text -> fixtures.idea(forum, participant, text, text));
        ThemeAnalysisTestData.CANTEEN.forEach(text -> fixtures.idea(forum, text));
        var organiser = fixtures.organiser();

        var desk = pages.signIn(pages.page(), organiser);
        desk.navigate(pages.url("/jams/" + jam.id() + "/pulse"));
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Recompute themes now")).press("Enter");
        var answerLink = desk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Not answered yet: answer this theme (you said / we did / why)")).first();
        assertThat(answerLink).isVisible(SOON);
        answerLink.focus();
        desk.keyboard().press("Enter");

        desk.waitForURL("**/review/answers#theme-*");
        String theme = desk.url().substring(desk.url().indexOf("#theme-") + "#theme-".length());
        var youSaid = desk.locator("#answer-" + theme + "-youSaid");
        assertThat(youSaid).isVisible(SOON);
        youSaid.focus();
        desk.keyboard().type("You asked for safer cycling and somewhere to park.");
        desk.keyboard().press("Tab");
        desk.keyboard().type("We built 200 covered bike racks");
        desk.keyboard().press("Tab");
        desk.keyboard().type("Parking came up first and was ready in a month.");
        desk.keyboard().press("Tab");
        desk.keyboard().press("Enter");
        assertThat(desk.locator(".theme-answer .you-said-we-did")).containsText("We built 200 covered bike racks");
        desk.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("theme-answer-organiser"))
                .setFullPage(true));

        var answer = answers.of(fixtures.actor(organiser), jam.id()).getFirst();
        long post = store.posts(answer.id()).getFirst();
        var phone = pages.signIn(pages.open("en-GB", 390, 844), participant);
        phone.navigate(pages.url("/threads/" + post));
        var note = phone.locator(".answer-note");
        assertThat(note).containsText("We did: We built 200 covered bike racks");
        note.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Read the whole answer")).focus();
        phone.keyboard().press("Enter");
        var rating = phone.locator("#answer-" + answer.id() + " form.answer-rating");
        assertThat(rating).isVisible(SOON);
        rating.getByLabel("Partly").focus();
        phone.keyboard().press("Space");
        rating.getByLabel("Comment (optional)").focus();
        phone.keyboard().type("Racks yes, but the lanes are still missing.");
        phone.keyboard().press("Tab");
        phone.keyboard().press("Enter");
        assertThat(phone.locator("#ratings-" + answer.id())).containsText("Yes: 0 · Partly: 1 · No: 0");
        BrowserPages.assertFitsItsWindow(phone);
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("theme-answer-phone"))
                .setFullPage(true));

        assertThat(desk.locator("#ratings-" + answer.id())).containsText("Partly: 1", new LocatorAssertions
                .ContainsTextOptions().setTimeout(10_000));
    }
}
