package org.incrowd.jam;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.incrowd.identity.ParticipantType;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.incrowd.support.MailCatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An invitation from start to end in a browser, with the keyboard alone: the organiser invites someone on the
 * invitations page, the invited person follows the link in the mail the SMTP server received, creates the account,
 * accepts the terms, lands in the Jam and posts. Also on a 390-pixel phone, and a CSV file with bad lines.
 */
@IncrowdBrowserTest
class InvitationBrowserTests {

    @RegisterExtension
    static final BrowserPages browser = new BrowserPages();

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    private Fixtures fixtures;
    private Jam jam;
    private Forum forum;

    @BeforeEach
    void invitationOnlyJam() {
        fixtures = browser.fixtures();
        jam = fixtures.jam("Night shift " + System.nanoTime()).purpose("Make nights easier.").terms("Be kind.")
                .audience(ParticipantType.EMPLOYEE).invitationOnly().create();
        forum = fixtures.forum(jam, "Meals");
    }

    @Test
    void anInvitedPersonFollowsTheMailsLinkCreatesTheAccountJoinsAndPosts() {
        String email = fixtures.email("keyboard-invitee");
        var organiserPage = browser.signIn(browser.open(), fixtures.organiser());
        organiserPage.navigate(browser.url("/jams/" + jam.id() + "/invitations"));
        typeInto(organiserPage, organiserPage.getByLabel("E-mail address", new Page.GetByLabelOptions().setExact(true)), email);
        typeInto(organiserPage, organiserPage.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)),
                "Kim Keys");
        organiserPage.keyboard().press("Enter"); // sends the form the focus is in
        assertThat(organiserPage.getByRole(com.microsoft.playwright.options.AriaRole.STATUS))
                .containsText("The invitation is on its way.");
        assertThat(organiserPage.locator("#invitation-list")).containsText(email);

        String link = MailCatcher.link(MailCatcher.awaitOne(email), "/invitations/");
        acceptAsNewPerson(browser.open(), link);
    }

    @Test
    void onAPhoneTheLinkWorksTheSame() {
        String email = fixtures.email("phone-invitee");
        var organiser = fixtures.actor(fixtures.organiser());
        var invitations = context.getBean(Invitations.class);
        invitations.inviteOne(organiser, jam.id(), new InvitationDraft(email, "Kim Keys", ParticipantType.EMPLOYEE,
                null, null, null, InvitationRole.PARTICIPANT, null, "en"));

        String link = MailCatcher.link(MailCatcher.awaitOne(email), "/invitations/");
        var phone = browser.open("en-GB", 390, 844);
        acceptAsNewPerson(phone, link);
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("invitation-phone-joined")));
    }

    private void acceptAsNewPerson(Page page, String link) {
        page.navigate(link);
        assertThat(page.locator("h1")).hasText("You are invited to " + jam.title());
        assertThat(page.getByLabel("Your name as others see it")).hasValue("Kim Keys");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("invitation-link-"
                + page.viewportSize().width)).setFullPage(true));
        typeInto(page, page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)),
                "a long enough passphrase");
        tabTo(page, page.getByLabel("I accept these terms"));
        page.keyboard().press("Space");
        tabTo(page, page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Create account and join")));
        page.keyboard().press("Enter");

        assertThat(page.getByText("You have joined this Jam.")).isVisible();
        page.navigate(browser.url("/forums/" + forum.id()));
        typeInto(page, page.getByLabel("Title of your idea"), "Warm meals after ten");
        typeInto(page, page.getByLabel("Your idea", new Page.GetByLabelOptions().setExact(true)), "A fridge with meals would help.");
        tabTo(page, page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Post idea")));
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).containsText("Warm meals after ten");
    }

    @Test
    void aFileWithBadLinesIsNamedLineByLineThenTheGoodLinesAreImportedWithAProgressBar() throws Exception {
        String good = fixtures.email("csv-browser");
        Path file = Files.createTempFile("invitations", ".csv");
        Files.writeString(file, "email,name,participant type\n" + good + ",Gina,employee\nnobody,Bad,employee\n",
                StandardCharsets.UTF_8);
        var page = browser.signIn(browser.open(), fixtures.organiser());
        page.navigate(browser.url("/jams/" + jam.id() + "/invitations"));

        page.getByLabel("CSV file", new Page.GetByLabelOptions().setExact(true)).setInputFiles(file);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Check and import")).click();
        assertThat(page.locator("#bad-lines")).containsText("Line 3 (nobody): not an e-mail address");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("invitation-csv-bad-lines"))
                .setFullPage(true));
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Skip the bad lines and import the one good line")).click();

        assertThat(page.locator("#import-status")).containsText("One person was invited");
        assertThat(page.locator("#import-status progress")).hasAttribute("value", "100");
        MailCatcher.awaitOne(good);
        Files.delete(file);
    }

    private static void typeInto(Page page, Locator field, String text) {
        tabTo(page, field);
        page.keyboard().type(text);
    }

    /** Presses Tab, as a keyboard user does, until the element has the focus. */
    private static void tabTo(Page page, Locator element) {
        for (int presses = 0; presses < 200; presses++) {
            if ((Boolean) element.evaluate("el => el === document.activeElement")) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + element);
    }
}
