package org.incrowd.jam;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A visitor of the demo without an account: the sign-in page names the demo accounts, "Jams" shows the live demo Jam,
 * which reads as a guest down to a thread, with word everywhere of how to take part; a page that needs an account
 * says so on the sign-in page.
 */
@IncrowdBrowserTest
@TestPropertySource(properties = "incrowd.demo=true")
class GuestBrowserTests {

    @RegisterExtension
    static final BrowserPages browser = new BrowserPages();

    @LocalServerPort
    int port;

    private Page page;

    @BeforeEach
    void setUp() {
        page = browser.page();
    }

    @Test
    void aGuestReadsTheDemoJamAndIsToldHowToTakePart() {
        page.navigate("http://localhost:" + port + "/signin");
        var demo = page.getByRole(AriaRole.TABLE);
        assertThat(demo).containsText("participant@demo.incrowd.example");
        assertThat(demo).containsText("demo-participant-password");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("guest-sign-in-demo-accounts"))
                .setFullPage(true));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Jams").setExact(true)).click();
        assertThat(page.getByText("As a guest you see the Jams that are open to guests.")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Future of Work Jam")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Future of Work Jam")
                .setLevel(1))).isVisible();
        assertThat(page.getByText("You are reading as a guest.")).isVisible();

        page.locator("section[aria-labelledby=forums-heading] h3 a").first().click();
        assertThat(page.getByText("You are reading as a guest.")).isVisible();
        assertThat(page.getByLabel("Title of your idea")).hasCount(0);
        page.locator("ul.threads li a").first().click();
        assertThat(page.locator("article button.reaction-agree").first()).isDisabled();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("guest-thread")).setFullPage(true));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).last().click();
        assertThat(page.getByText("Sign in to take part")).isVisible();

        page.navigate("http://localhost:" + port + "/profile");
        assertThat(page.getByText("Sign in to see this page.")).isVisible();
    }

    @Test
    void theDemoAccountsFitAPhone() {
        var phone = browser.open("en-GB", 390, 844);
        phone.navigate("http://localhost:" + port + "/signin");
        var address = phone.getByRole(AriaRole.TABLE).getByText("participant@demo.incrowd.example");

        assertThat(address).isVisible();
        BrowserPages.assertFitsItsWindow(phone);
        var box = address.boundingBox();
        org.assertj.core.api.Assertions.assertThat(box.x + box.width).as("right edge of the demo address")
                .isLessThanOrEqualTo(390);
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("guest-sign-in-demo-accounts-390")));
    }
}
