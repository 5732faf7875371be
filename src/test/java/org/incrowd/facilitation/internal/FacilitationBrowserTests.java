package org.incrowd.facilitation.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.support.Chromium;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** A facilitator at work in one browser; the participants' pages in two others change as it happens. */
@IncrowdBrowserTest
class FacilitationBrowserTests {

    private static final LocatorAssertions.IsVisibleOptions SOON =
            new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext application;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.shared();
    }


    @Test
    void aFacilitatorHidesAPostAndBothParticipantsPagesChangeWithoutReload() {
        var fixtures = Fixtures.of(application);
        var jam = fixtures.liveJam("Moderated live");
        var forum = fixtures.forum(jam, "Parking");
        var ana = fixtures.person("Ana", Role.PARTICIPANT);
        var ben = fixtures.person("Ben", Role.PARTICIPANT);
        var fay = fixtures.person("Fay", Role.PARTICIPANT);
        fixtures.join(jam, ana);
        fixtures.join(jam, ben);
        fixtures.facilitator(forum, fay);
        var idea = fixtures.idea(forum, ana, "Reserved spaces", "Spaces for night staff, and Bob from HR parks badly.");
        String thread = "http://localhost:" + port + "/threads/" + idea.id();
        try (var anas = browser(); var bens = browser(); var fays = browser()) {
            var anasPage = open(anas, ana, thread);
            var bensPage = open(bens, ben, thread);
            anasPage.waitForTimeout(500); // both streams are connected

            var faysPage = open(fays, fay, "http://localhost:" + port + "/posts/" + idea.id() + "/moderate");
            faysPage.getByLabel("Reason (the author reads it)").fill("Please leave colleagues' names out.");
            faysPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hide post")).click();

            assertThat(bensPage.getByText("A facilitator hid this post.")).isVisible(SOON);
            assertThat(bensPage.getByText("Bob from HR")).isHidden();
            assertThat(anasPage.getByText("Hidden by a facilitator. Reason: Please leave colleagues' names out."))
                    .isVisible(SOON);
            bensPage.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("facilitation-hidden")));
        }
    }

    /** Pinned and spotlit from the moderation page, then taken back from it: each button does what it says. */
    @Test
    void aFacilitatorPinsAndSpotlightsAnIdeaAndTakesBothBack() {
        var fixtures = Fixtures.of(application);
        var jam = fixtures.liveJam("Pinned and back");
        var forum = fixtures.forum(jam, "Loading bays");
        var ana = fixtures.person("Ana", Role.PARTICIPANT);
        var fay = fixtures.person("Fay", Role.PARTICIPANT);
        fixtures.join(jam, ana);
        fixtures.facilitator(forum, fay);
        var idea = fixtures.idea(forum, ana, "A roof over bay three", "Pallets get wet when it rains.");
        try (var fays = browser()) {
            var page = open(fays, fay, "http://localhost:" + port + "/posts/" + idea.id() + "/moderate");
            for (var press : java.util.List.of("Pin to the top of the forum", "Unpin",
                    "Spotlight on the Jam's home", "Take out of the spotlight")) {
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(press)).click();
                page.navigate("http://localhost:" + port + "/posts/" + idea.id() + "/moderate");
                assertThat(page.locator("[role=alert]")).hasCount(0);
            }
            var moderation = fixtures.reading().require(fixtures.actor(fay), idea.id()).moderation();
            org.assertj.core.api.Assertions.assertThat(moderation.pinned()).as("pinned").isFalse();
            org.assertj.core.api.Assertions.assertThat(moderation.spotlit()).as("spotlit").isFalse();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pin to the top of the forum")))
                    .isVisible();
        }
    }

    @Test
    void anAnnouncementAppearsLiveForEveryoneInTheForum() {
        var fixtures = Fixtures.of(application);
        var jam = fixtures.liveJam("Announced live");
        var forum = fixtures.forum(jam, "Canteen");
        var ana = fixtures.person("Ana", Role.PARTICIPANT);
        var fay = fixtures.person("Fay", Role.PARTICIPANT);
        fixtures.join(jam, ana);
        fixtures.facilitator(forum, fay);
        try (var anas = browser(); var fays = browser()) {
            var anasPage = open(anas, ana, "http://localhost:" + port + "/forums/" + forum.id());
            anasPage.waitForTimeout(500);

            var console = open(fays, fay, "http://localhost:" + port + "/forums/" + forum.id() + "/console");
            console.getByLabel("Announcement (shown live to everyone here for a day)")
                    .fill("The head chef joins at 3 pm: bring your questions.");
            console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Announce")).click();
            console.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("facilitation-console"))
                    .setFullPage(true));

            assertThat(anasPage.locator("#notices").getByText("The head chef joins at 3 pm")).isVisible(SOON);
            anasPage.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("facilitation-announcement")));
        }
    }

    private static BrowserContext browser() {
        return chromium.personalBrowser();
    }

    private Page open(BrowserContext browser, Person person, String url) {
        var page = Chromium.signIn(browser.newPage(), port, person.email(), Fixtures.PASSWORD);
        page.navigate(url);
        return page;
    }
}
