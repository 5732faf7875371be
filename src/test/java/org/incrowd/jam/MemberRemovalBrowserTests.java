package org.incrowd.jam;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.incrowd.identity.Role;
import org.incrowd.support.Chromium;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** An organiser removes a member from the Jam's page; the member's open page says at once that they were removed. */
@IncrowdBrowserTest
class MemberRemovalBrowserTests {

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
    void anOrganiserRemovesAMemberWithAReasonAndTheMembersOpenPageSaysSo() {
        var fixtures = Fixtures.of(application);
        var jam = fixtures.liveJam("Supplier day");
        var forum = fixtures.forum(jam, "Deliveries");
        var ana = fixtures.person("Ana", Role.PARTICIPANT);
        fixtures.join(jam, ana);
        try (var anasBrowser = chromium.personalBrowser(); var organisersBrowser = chromium.personalBrowser()) {
            var anasPage = Chromium.open(anasBrowser, port, ana.email(), "/forums/" + forum.id());
            var organisersPage = Chromium.open(organisersBrowser, port, fixtures.organiser().email(),
                    "/jams/" + jam.id());

            organisersPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Members and removals")).click();
            organisersPage.getByLabel("E-mail address of the member").fill(ana.email());
            organisersPage.getByLabel("Reason (the person is told)").fill("   ");
            organisersPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove from this Jam"))
                    .click();
            // Refused without a reason, with what was typed kept.
            assertThat(organisersPage.getByText("Give a reason: the person is told why they were removed.").first())
                    .isVisible();
            assertThat(organisersPage.getByLabel("E-mail address of the member")).hasValue(ana.email());

            organisersPage.getByLabel("Reason (the person is told)").fill("Shared confidential prices.");
            organisersPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove from this Jam"))
                    .click();
            assertThat(organisersPage.getByText("The member was removed from this Jam.")).isVisible();
            assertThat(organisersPage.getByRole(AriaRole.CELL,
                    new Page.GetByRoleOptions().setName("Shared confidential prices."))).isVisible();
            organisersPage.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("jam-members")));

            assertThat(anasPage.getByText("The organisers removed you from this Jam: Shared confidential prices."))
                    .isVisible(SOON);
            anasPage.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("jam-removed")));
        }
    }
}
