package org.incrowd.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.incrowd.jam.Jam;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A kiosk in a browser: a person types their code and an idea with the keyboard alone and is signed out by
 * themselves (desktop and phone); an idea written offline is sent once when the network is back; an idle person is
 * signed out without a click. The idle time is 5 s here instead of 60 s, so the tests need not wait a minute.
 */
@IncrowdBrowserTest
@TestPropertySource(properties = "incrowd.kiosk.idle-seconds=5")
class KioskBrowserTests {

    @RegisterExtension
    static final BrowserPages browser = new BrowserPages();

    @Autowired
    ApplicationContext context;

    @Test
    void aPersonPostsAnIdeaByKeyboardAndIsSignedOutByThemselvesOnADesktopAndAPhone() {
        var fixtures = browser.fixtures();
        var jam = fixtures.liveJam("Depot ideas in a browser");
        var forum = fixtures.forum(jam, "What would make night shifts safer?");
        for (int width : new int[] {1280, 390}) {
            String code = code(jam, "Maria " + width + ", night shift");
            var page = kiosk(jam, browser.open("en-GB", width, width == 390 ? 844 : 900));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("What would make night shifts safer?"))).isVisible();
            assertThat(page.getByLabel("Your personal code or badge number")).isFocused();

            page.keyboard().type(code);
            page.keyboard().press("Enter");
            assertThat(page.getByText("Hello, Maria " + width + ", night shift")).isVisible();
            assertThat(page.getByText("Signing out in")).isVisible();
            assertThat(page.getByLabel("Your idea in a few words")).isFocused();
            page.keyboard().type("Lights in the yard " + width);
            page.keyboard().press("Tab");
            page.keyboard().type("The yard is dark at 3 am.");
            page.keyboard().press("Tab");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post my idea")))
                    .isFocused();
            page.keyboard().press("Enter");

            assertThat(page.getByText("Thank you, Maria " + width + ", night shift — signed out")).isVisible();
            assertThat(page.getByLabel("Your personal code or badge number")).isVisible();
            BrowserPages.assertFitsItsWindow(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("kiosk-thanks-" + width))
                    .setFullPage(true));
        }
        var ideas = fixtures.reading().latestInJam(fixtures.actor(fixtures.organiser()), jam.id(), 10);
        org.assertj.core.api.Assertions.assertThat(ideas).extracting(p -> p.title() + " by " + p.authorName())
                .containsExactlyInAnyOrder("Lights in the yard 1280 by Maria 1280, night shift",
                        "Lights in the yard 390 by Maria 390, night shift");
        org.assertj.core.api.Assertions.assertThat(ideas).allMatch(p -> p.forumId() == forum.id());
    }

    @Test
    void anOrganiserSetsUpAKioskAndPrintsCodesAndTheDeviceOpensTheLink() {
        var fixtures = browser.fixtures();
        var jam = fixtures.liveJam("Kiosk set-up in a browser");
        fixtures.forum(jam, "What slows the morning shift?");
        var page = browser.signIn(browser.page(), fixtures.organiser());
        page.navigate(browser.url("/jams/" + jam.id()));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Set up kiosks and codes")).click();

        page.getByLabel("Name of the kiosk").fill("Depot 4 break room");
        page.getByLabel("Name of the kiosk").press("Enter");
        String link = page.locator("#kiosk-enrolment-link").textContent();
        assertThat(page.getByText("in use")).hasCount(0);
        page.getByLabel("People").fill("Maria, night shift");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue codes")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Kiosk codes to hand out")))
                .isVisible();
        String code = page.locator(".kiosk-slip-code code").textContent();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("kiosk-codes")).setFullPage(true));

        var device = browser.open("en-GB", 390, 844);
        device.navigate(browser.url(link.substring(link.indexOf("/kiosk/enrol/"))));
        device.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make this device a kiosk")).click();
        // The kiosk screen puts the focus in the code field once it is shown; typing earlier would go nowhere.
        assertThat(device.getByLabel("Your personal code or badge number")).isFocused();
        device.keyboard().type(code);
        device.keyboard().press("Enter");
        assertThat(device.getByText("Hello, Maria, night shift")).isVisible();
        page.navigate(browser.url("/jams/" + jam.id() + "/kiosks"));
        assertThat(page.getByText("Depot 4 break room — in use")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("kiosk-setup")).setFullPage(true));
    }

    @Test
    void anIdeaWrittenOfflineIsSentOnceWhenTheKioskIsBackOnline() {
        var fixtures = browser.fixtures();
        var jam = fixtures.liveJam("Offline depot");
        fixtures.forum(jam, "Where do we lose time?");
        String code = code(jam, "Omar, loading bay");
        var page = kiosk(jam, browser.open());

        page.context().setOffline(true);
        page.keyboard().type(code);
        page.keyboard().press("Enter");
        assertThat(page.getByText("No network: write your idea or react")).isVisible();
        page.keyboard().type("Scanner chargers at the gate");
        page.keyboard().press("Tab");
        page.keyboard().type("We walk back to the office to charge them.");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.getByText("Saved on this kiosk")).isVisible();
        assertThat(page.getByText("1 waiting to be sent")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("kiosk-offline")).setFullPage(true));
        org.assertj.core.api.Assertions.assertThat(fixtures.reading().countInJam(jam.id())).isZero();

        page.context().setOffline(false);

        assertThat(page.getByText("1 sent")).isVisible();
        page.reload(); // a reload sends whatever is still waiting: nothing, so nothing is doubled
        assertThat(page.getByLabel("Your personal code or badge number")).isVisible();
        var ideas = fixtures.reading().latestInJam(fixtures.actor(fixtures.organiser()), jam.id(), 10);
        org.assertj.core.api.Assertions.assertThat(ideas).extracting(p -> p.title() + " by " + p.authorName())
                .containsExactly("Scanner chargers at the gate by Omar, loading bay");
    }

    @Test
    void anIdlePersonIsSignedOutWithoutAClick() {
        var fixtures = browser.fixtures();
        var jam = fixtures.liveJam("Idle depot");
        fixtures.forum(jam, "Anything on your mind?");
        String code = code(jam, "Ida, stores");
        var page = kiosk(jam, browser.open());

        page.keyboard().type(code);
        page.keyboard().press("Enter");
        assertThat(page.getByText("Hello, Ida, stores")).isVisible();
        assertThat(page.getByText("Signing out in")).isVisible();

        assertThat(page.getByLabel("Your personal code or badge number")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        assertThat(page.getByText("Hello, Ida, stores")).isHidden();
    }

    @Test
    void aSignOutThatReachesABusyServerLateStillLeavesTheKioskAtTheCodeForm() {
        var fixtures = browser.fixtures();
        var jam = fixtures.liveJam("Busy depot");
        fixtures.forum(jam, "Anything on your mind?");
        String code = code(jam, "Ilse, yard");
        var page = kiosk(jam, browser.open());
        // The countdown's sign-out arrives 3 s late, as on a server under load: by then the person was idle longer
        // than the kiosk allows, and the kiosk must still come back to its code form, not to the site's sign-in.
        page.route("**/kiosk/signout", route -> {
            page.waitForTimeout(3_000);
            route.resume();
        });

        page.keyboard().type(code);
        page.keyboard().press("Enter");
        assertThat(page.getByText("Hello, Ilse, yard")).isVisible();

        assertThat(page.getByLabel("Your personal code or badge number")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        org.assertj.core.api.Assertions.assertThat(page.url()).contains("/kiosk/screen");
        assertThat(page.getByText("Hello, Ilse, yard")).isHidden();
    }

    private String code(Jam jam, String name) {
        var fixtures = browser.fixtures();
        return context.getBean(KioskCodes.class).issue(fixtures.actor(fixtures.organiser()), jam.id(), name, 30, "en")
                .getFirst().code();
    }

    /** A page enrolled as a kiosk of the Jam through its one-time link, showing the kiosk screen. */
    private Page kiosk(Jam jam, Page page) {
        var fixtures = browser.fixtures();
        var enrolment = context.getBean(Kiosks.class).create(fixtures.actor(fixtures.organiser()), jam.id(),
                "Break room " + jam.id());
        page.navigate(browser.url("/kiosk/enrol/" + enrolment.token()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make this device a kiosk")).click();
        assertThat(page.getByText("Break room " + jam.id())).isVisible();
        return page;
    }
}
