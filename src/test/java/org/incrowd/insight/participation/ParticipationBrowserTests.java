package org.incrowd.insight.participation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.ProfileChange;
import org.incrowd.identity.Role;
import org.incrowd.support.Chromium;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The participation page in a real browser: each chart is drawn from the table beside it. */
@IncrowdBrowserTest
class ParticipationBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext application;

    private static Chromium chromium;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.shared();
    }

    @Test
    void aFacilitatorSeesChartsDrawnBesideTheirTables() {
        var fixtures = Fixtures.of(application);
        var jam = fixtures.liveJam("Charted Jam");
        var forum = fixtures.forum(jam, "Canteen");
        var facilitator = fixtures.person("Facilitator", Role.PARTICIPANT);
        fixtures.facilitator(forum, facilitator);
        var idea = fixtures.idea(forum, "More soup");
        for (int i = 0; i < 6; i++) {
            var person = fixtures.person("Chef " + i, Role.PARTICIPANT);
            person = fixtures.identity().updateProfile(person.asActor(), person.id(), new ProfileChange(
                    person.displayName(), "IT", "Kitchen " + jam.id(), "Chef", person.participantType(), "en"));
            fixtures.join(jam, person);
            if (i < 3) {
                fixtures.reacting().react(fixtures.actor(person), idea.id(), ReactionKind.AGREE);
            }
        }

        try (BrowserContext context = chromium.personalBrowser(1280, 900)) {
            Page page = context.newPage();
            Chromium.signIn(page, port, facilitator.email(), Fixtures.PASSWORD);
            page.navigate("http://localhost:" + port + "/jams/" + jam.id());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Participation and quiet groups")).click();

            var units = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("By Organisational unit"));
            assertThat(units).isVisible();
            assertThat(units.getByText("Kitchen " + jam.id())).isVisible();
            assertThat(page.locator(".participation-chart[data-table=table-units] canvas")).hasCount(1);
            assertThat(page.locator(".participation-chart[data-table=table-timeline] canvas")).hasCount(1);
            org.assertj.core.api.Assertions.assertThat(page.locator(".participation-chart[data-table=table-timeline]")
                    .boundingBox().height).as("the chart is drawn at its height, not 0 px").isGreaterThan(100);
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("participation"))
                    .setFullPage(true));
        }
    }
}
