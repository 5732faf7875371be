package org.incrowd.identity.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.EnumSet;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Registration;
import org.incrowd.identity.Role;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An administrator finds a person and deactivates the account, by keyboard, on a desktop and on a phone. */
@IncrowdBrowserTest
class PeopleAdminBrowserTests {

    @RegisterExtension
    static final BrowserPages browser = new BrowserPages();

    @Test
    void anAdministratorFindsSomeoneByUnitAndDeactivatesTheAccountWithAReasonUsingTheKeyboard() {
        var fixtures = browser.fixtures();
        String unit = "Keyboard Unit " + System.nanoTime();
        var person = fixtures.identity().registerWithHash(new Registration(fixtures.email("kim"), Fixtures.PASSWORD,
                        "Kim Keyboard", "SE", unit, "Buyer", ParticipantType.CLIENT, null),
                fixtures.identity().hashPassword(Fixtures.PASSWORD), EnumSet.of(Role.PARTICIPANT));
        var admin = fixtures.person("Ava Admin", Role.ADMINISTRATOR);
        var page = browser.signIn(browser.page(), admin);
        page.navigate(browser.url("/admin/people"));

        page.getByLabel("Unit").focus();
        page.keyboard().type(unit.toLowerCase());
        page.keyboard().press("Enter");
        var card = page.locator("#person-" + person.id());
        assertThat(card).containsText("Kim Keyboard");
        assertThat(card).containsText(person.email());

        card.locator("summary").first().focus();
        page.keyboard().press("Enter");
        card.getByLabel("Reason").focus();
        page.keyboard().type("<script>alert('x')</script> left the company");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");

        assertThat(page.getByText("The account is deactivated.")).isVisible();
        card = page.locator("#person-" + person.id());
        assertThat(card).containsText("Deactivated by Ava Admin");
        assertThat(card).containsText("<script>alert('x')</script> left the company");
        assertThat(page.getByLabel("Unit")).hasValue(unit.toLowerCase());
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("admin-people")).setFullPage(true));
    }

    @Test
    void thePeoplePageFitsAPhone() {
        var fixtures = browser.fixtures();
        var admin = fixtures.person("Pia Phone Admin", Role.ADMINISTRATOR);
        var page = browser.signIn(browser.open("en-GB", 390, 844), admin);
        page.navigate(browser.url("/admin/people?role=ADMINISTRATOR"));

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("People").setLevel(1)))
                .isVisible();
        BrowserPages.assertFitsItsWindow(page);
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("admin-people-390")));
    }
}
