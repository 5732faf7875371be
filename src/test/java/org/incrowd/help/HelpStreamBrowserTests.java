package org.incrowd.help;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.EnumSet;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Registration;
import org.incrowd.identity.Role;
import org.incrowd.jam.JamKind;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.incrowd.support.MailCatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A customer asks in the help stream without an account, an employee answers under the organisation's name, the
 * customer marks the solution: in a real browser, by keyboard alone, with the mails read from a real SMTP server,
 * on a desktop and on a 390 px phone.
 */
@IncrowdBrowserTest
class HelpStreamBrowserTests {

    @RegisterExtension
    static final BrowserPages browser = new BrowserPages();

    @Autowired
    HelpStreams streams;

    /** Presses Tab until {@code target} has the focus, as a keyboard user would. */
    private static void tabTo(Page page, Locator target) {
        for (int i = 0; i < 120; i++) {
            page.keyboard().press("Tab");
            if ((Boolean) target.evaluate("e => e === document.activeElement")) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + target);
    }

    private static void type(Page page, Locator field, String text) {
        tabTo(page, field);
        page.keyboard().type(text);
    }

    private static void press(Page page, String button) {
        tabTo(page, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button)));
        page.keyboard().press("Enter");
    }

    @Test
    void aCustomerAsksAnEmployeeAnswersAndTheCustomerMarksTheSolutionOnADesktop() {
        journey(1280, 900, "desktop");
    }

    @Test
    void aCustomerAsksAnEmployeeAnswersAndTheCustomerMarksTheSolutionOnAPhone() {
        journey(390, 844, "phone");
    }

    private void journey(int width, int height, String device) {
        var fixtures = browser.fixtures();
        var stream = fixtures.jam("Northwind help " + device).campaign(JamKind.HELP_STREAM, null, null).create();
        fixtures.forum(stream, "Deliveries");
        var billing = fixtures.forum(stream, "Billing");
        streams.nameOrganisation(fixtures.actor(fixtures.organiser()), stream.id(), "Northwind Support");
        var identity = fixtures.identity();
        var dana = identity.registerWithHash(new Registration(fixtures.email("dana-" + device), Fixtures.PASSWORD,
                "Dana", null, null, "service engineer", ParticipantType.EMPLOYEE, null),
                identity.hashPassword(Fixtures.PASSWORD), EnumSet.of(Role.PARTICIPANT));
        fixtures.join(stream, dana);
        String email = fixtures.email("carla-" + device);

        // The customer asks, without an account.
        var customer = browser.open("en-GB", width, height);
        customer.navigate(browser.url("/help/" + stream.id() + "/ask"));
        type(customer, customer.getByLabel("Your e-mail address"), email);
        type(customer, customer.getByLabel("Your name (optional)"), "Carla");
        tabTo(customer, customer.getByLabel("Topic"));
        customer.getByLabel("Topic").selectOption(String.valueOf(billing.id()));
        type(customer, customer.getByLabel("Your question in one line"), "Why was I charged twice?");
        type(customer, customer.getByLabel("Details"), "Invoice 4711 lists the same parcel twice.");
        press(customer, "Send and confirm by e-mail");
        assertThat(customer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your e-mail")))
                .isVisible();

        // From the mail link onwards: the question is published and the customer signed in.
        customer.navigate(MailCatcher.link(MailCatcher.awaitOne(email), "/help/confirm/"));
        assertThat(customer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Why was I charged twice?"))).isVisible();
        assertThat(customer.getByText("Add to your question")).isVisible();
        customer.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("help-asked-" + device)));

        // An employee sees it waiting at the top of the stream and answers under the organisation's name.
        var employee = browser.open("en-GB", width, height);
        browser.signIn(employee, dana);
        employee.navigate(browser.url("/help/" + stream.id()));
        assertThat(employee.locator(".help-question").first()).containsText("Why was I charged twice?");
        assertThat(employee.locator(".help-question").first()).containsText("waiting");
        tabTo(employee, employee.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Why was I charged twice?")));
        employee.keyboard().press("Enter");
        type(employee, employee.getByLabel("Your answer"), "The second line is a hold; it disappears within 3 days.");
        press(employee, "Send answer");
        assertThat(employee.getByText("answered by Dana, service engineer")).isVisible();

        // An answer alone earns no recognition: Dana is not yet among the stream's givers.
        employee.navigate(browser.url("/jams/" + stream.id() + "/givers"));
        assertThat(employee.locator(".giver")).hasCount(0);

        // The customer is mailed the answer; its link brings them to the question, where they mark the solution.
        var answered = MailCatcher.await(email, 2, Duration.ofSeconds(10)).getLast();
        var again = browser.open("en-GB", width, height);
        again.navigate(MailCatcher.link(answered, "/help/answered/"));
        assertThat(again.getByText("Northwind Support").first()).isVisible();
        press(again, "This solved it");
        assertThat(again.getByText("Solved by Dana's answer.")).isVisible();
        assertThat(again.locator(".help-solution")).containsText("The second line is a hold");
        again.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("help-solved-" + device)));

        // The mark is what recognises Dana: she is a giver now, for an answer that solved a question.
        employee.navigate(browser.url("/jams/" + stream.id() + "/givers"));
        assertThat(employee.locator(".giver")).hasCount(1);
        assertThat(employee.locator(".giver")).containsText("Dana");
        assertThat(employee.locator(".giver")).containsText("Answers that solved a question");
    }
}
