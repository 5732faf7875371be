package org.incrowd.review;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.incrowd.identity.Role;
import org.incrowd.insight.themes.algorithm.ThemeAnalysisTestData;
import org.incrowd.review.internal.AnswerStore;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.IncrowdBrowserTest;
import org.incrowd.support.MailCatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole loop in one journey, in a real browser: a participant posts an idea; a reviewer scores it; the organiser
 * selects it with a reason; the author reads the decision on the idea and gets the mail; the organiser answers the
 * idea's theme and the author rates the answer; the organiser publishes a report whose recommendation links to the
 * idea; the report's PDF downloads and holds it. (The Pol.is-format export's round trip is
 * OpenDataPolisRoundTripIntegrationTests.)
 */
@IncrowdBrowserTest
class CloseTheLoopBrowserTests {

    private static final LocatorAssertions.IsVisibleOptions SOON =
            new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);

    @RegisterExtension
    static final BrowserPages pages = new BrowserPages();

    @Autowired
    ThemeAnswers answers;
    @Autowired
    AnswerStore store;
    @Autowired
    Scoring scoring;
    @Autowired
    Reviewers reviewers;
    @Autowired
    org.incrowd.insight.JamThemes themes;

    @Test
    void anIdeaIsScoredSelectedAnsweredAndReportedAndItsAuthorHearsOfEachStep() throws Exception {
        var fixtures = pages.fixtures();
        var jam = fixtures.liveJam("The whole loop " + System.nanoTime());
        var forum = fixtures.forum(jam, "Getting to work");
        var author = fixtures.person("Ada Author", Role.PARTICIPANT);
        var reviewer = fixtures.person("Rui Reviewer", Role.PARTICIPANT);
        fixtures.join(jam, author);
        ThemeAnalysisTestData.BIKES.forEach(text -> fixtures.idea(forum, text));
        ThemeAnalysisTestData.CANTEEN.forEach(text -> fixtures.idea(forum, text));
        var organiser = fixtures.organiser();
        var organiserActor = fixtures.actor(organiser);
        scoring.define(organiserActor, jam.id(), List.of("Impact", "Effort"), List.of("60", "40"));
        reviewers.assign(organiserActor, jam.id(), reviewer.email(), List.of(Reviewers.Target.forum(forum.id())),
                null);

        // A participant posts an idea, on a phone.
        var phone = pages.signIn(pages.open("en-GB", 390, 844), author);
        phone.navigate(pages.url("/forums/" + forum.id()));
        phone.getByLabel("Title of your idea").fill("Covered bike racks at every depot");
        phone.locator("textarea[name=body]").first().fill("Secure, covered bike racks so that cycling to work is "
                + "safe and bikes stay dry; showers would help too.");
        phone.locator("form[action$='/threads'] button[type=submit]").press("Enter");
        phone.waitForURL("**/threads/*");
        long idea = Long.parseLong(phone.url().replaceAll(".*/threads/(\\d+).*", "$1"));

        // The reviewer scores it.
        var desk = pages.signIn(pages.page(), reviewer);
        desk.navigate(pages.url("/jams/" + jam.id() + "/review/scores/" + idea));
        desk.locator("[name=score0]").fill("5");
        desk.locator("[name=score1]").fill("3");
        desk.locator("main form button[type=submit]").first().press("Enter");
        assertThat(desk.locator("main")).containsText("4.2");

        // The organiser selects it with a reason, on the idea's page.
        var organiserPage = pages.signIn(pages.open(), organiser);
        organiserPage.navigate(pages.url("/threads/" + idea));
        organiserPage.getByLabel("Stage", new Page.GetByLabelOptions().setExact(true)).selectOption("selected");
        organiserPage.locator("#decision-reason-" + idea).fill("Cheap, quick and asked for by every depot.");
        organiserPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the decision"))
                .press("Enter");
        assertThat(organiserPage.locator("#review-" + idea)).containsText("Cheap, quick and asked for");

        // The author reads it on the idea and gets the mail.
        phone.reload();
        assertThat(phone.locator("#review-" + idea)).containsText("Why: Cheap, quick and asked for by every depot.");
        var mail = MailCatcher.text(MailCatcher.awaitOne(author.email()));
        org.assertj.core.api.Assertions.assertThat(mail).contains("Cheap, quick and asked for by every depot.");

        // The organiser answers the idea's theme; the author rates the answer.
        organiserPage.navigate(pages.url("/jams/" + jam.id() + "/pulse"));
        organiserPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Recompute themes now"))
                .press("Enter");
        assertThat(organiserPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Not answered yet: answer this theme (you said / we did / why)")).first()).isVisible(SOON);
        var theme = answersThemeOf(jam.id(), idea);
        organiserPage.navigate(pages.url("/jams/" + jam.id() + "/review/answers#theme-" + theme));
        organiserPage.locator("#answer-" + theme + "-youSaid").fill("You asked for somewhere safe to park bikes.");
        organiserPage.locator("#answer-" + theme + "-weDid").fill("We are building covered racks at every depot");
        organiserPage.locator("#answer-" + theme + "-why").fill("It was the most asked-for change.");
        organiserPage.locator("#answer-" + theme + "-why").press("Tab");
        organiserPage.keyboard().press("Enter");
        assertThat(organiserPage.locator(".theme-answer")).containsText("We are building covered racks");
        phone.navigate(pages.url("/threads/" + idea));
        assertThat(phone.locator(".answer-note")).containsText("We are building covered racks at every depot");
        long answer = answers.of(organiserActor, jam.id()).getFirst().id();
        phone.navigate(pages.url("/jams/" + jam.id() + "/review/answers#answer-" + answer));
        var rating = phone.locator("#answer-" + answer + " form.answer-rating");
        rating.getByLabel("Yes").check();
        rating.locator("button[type=submit]").press("Enter");
        assertThat(phone.locator("#ratings-" + answer)).containsText("Yes: 1");

        // The organiser publishes a report whose recommendation links to the idea.
        organiserPage.navigate(pages.url("/jams/" + jam.id() + "/report/edit"));
        organiserPage.locator("textarea[name=heard]").fill("People want to cycle to work safely.");
        organiserPage.locator("textarea[name=next]").fill("Racks first, then showers.");
        organiserPage.locator("#rec-0-title").fill("Covered bike racks at every depot");
        organiserPage.locator("#rec-0-rationale").fill("The most supported idea of the Jam.");
        organiserPage.locator("#rec-0-posts").fill(String.valueOf(idea));
        organiserPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish the report"))
                .press("Enter");
        phone.navigate(pages.url("/jams/" + jam.id() + "/report"));
        assertThat(phone.locator(".recommendation").first()).containsText("Covered bike racks at every depot");
        assertThat(phone.locator(".recommendation a[href='/threads/" + idea + "']").first()).isVisible();
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("loop-report-phone"))
                .setFullPage(true));

        // The PDF downloads and holds the recommendation.
        var pdf = phone.request().get(pages.url("/jams/" + jam.id() + "/report.pdf"));
        org.assertj.core.api.Assertions.assertThat(pdf.status()).isEqualTo(200);
        try (var document = Loader.loadPDF(pdf.body())) {
            org.assertj.core.api.Assertions.assertThat(new PDFTextStripper().getText(document))
                    .contains("Covered bike racks at every depot");
        }
    }

    /** The theme the idea is in after the recompute (the answers page names its forms by theme key). */
    private String answersThemeOf(long jamId, long idea) {
        return themes.of(jamId).stream().filter(theme -> themes.posts(jamId, theme.key()).contains(idea))
                .findFirst().orElseThrow().key();
    }
}
