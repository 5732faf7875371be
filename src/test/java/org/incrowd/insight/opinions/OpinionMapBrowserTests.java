package org.incrowd.insight.opinions;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.support.Chromium;
import org.incrowd.support.Fixtures;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The opinion map in a real browser: the chart is drawn beside its table, and a map computed while the page is open
 * appears without a reload. Screenshots go to target/screenshots.
 */
@IncrowdBrowserTest
class OpinionMapBrowserTests {

    @RegisterExtension
    static final BrowserPages pages = new BrowserPages();

    @LocalServerPort
    int port;
    @Autowired
    OpinionRecompute recompute;

    private Page page;
    private Fixtures fixtures;

    @BeforeEach
    void openPage() {
        fixtures = pages.fixtures();
        page = pages.page();
    }

    @Test
    void aMapComputedWhileThePageIsOpenAppearsWithoutReloadAndIsDrawn() {
        var jam = fixtures.liveJam("Live map");
        var forum = fixtures.forum(jam, "Canteen");
        var reader = fixtures.person("Reader", Role.PARTICIPANT);
        fixtures.join(jam, reader);
        Chromium.signIn(page, port, reader.email(), Fixtures.PASSWORD);
        page.navigate("http://localhost:" + port + "/jams/" + jam.id() + "/opinions");
        assertThat(page.getByText("No opinion map yet")).isVisible();

        // Two camps react while the page is open; the background pass is simulated by one recompute.
        var ideas = new ArrayList<Post>();
        var people = new ArrayList<Person>(List.of(reader));
        for (int i = 0; i < 4; i++) {
            ideas.add(fixtures.idea(forum, fixtures.poolAuthor(jam.id()), "Idea " + i, "Body " + i));
        }
        for (int i = 0; i < 10; i++) {
            var person = fixtures.person("Camp person " + i, Role.PARTICIPANT);
            fixtures.join(jam, person);
            people.add(person);
        }
        for (int p = 0; p < people.size(); p++) {
            for (int i = 0; i < ideas.size(); i++) {
                boolean agrees = (p % 2 == 0) == (i % 2 == 0);
                fixtures.reacting().react(fixtures.actor(people.get(p)), ideas.get(i).id(),
                        agrees ? ReactionKind.AGREE : ReactionKind.DISAGREE);
            }
        }
        org.assertj.core.api.Assertions.assertThat(recompute.recompute(jam.id())).isTrue();

        var groups = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName(
                "Opinion groups, their size and where their people come from (most frequent first)"));
        assertThat(groups).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
        assertThat(page.getByText("You are closest to group")).isVisible();
        assertThat(groups.getByRole(AriaRole.ROW)).hasCount(3);
        assertThat(page.locator(".opinion-chart canvas")).hasCount(1);
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("opinion-map")).setFullPage(true));
    }

    @Test
    void aReaderReactsToTheOfferedIdeasInPlaceAndTheNextOneComesUp() {
        var jam = fixtures.liveJam("Next ideas");
        var forum = fixtures.forum(jam, "Commute");
        var ideas = new ArrayList<Post>();
        for (int i = 0; i < 5; i++) {
            ideas.add(fixtures.idea(forum, fixtures.poolAuthor(jam.id()), "Commute idea " + i, "Body " + i));
        }
        for (int p = 0; p < 10; p++) {
            var person = fixtures.person("Commuter " + p, Role.PARTICIPANT);
            fixtures.join(jam, person);
            for (int i = 0; i < ideas.size(); i++) {
                boolean agrees = (p % 2 == 0) == (i % 2 == 0);
                fixtures.reacting().react(fixtures.actor(person), ideas.get(i).id(),
                        agrees ? ReactionKind.AGREE : ReactionKind.DISAGREE);
            }
        }
        var reader = fixtures.person("Newcomer to the map", Role.PARTICIPANT);
        fixtures.join(jam, reader);
        org.assertj.core.api.Assertions.assertThat(recompute.recompute(jam.id())).isTrue();

        Chromium.signIn(page, port, reader.email(), Fixtures.PASSWORD);
        page.navigate("http://localhost:" + port + "/jams/" + jam.id() + "/opinions");
        var next = page.locator("#next-statements");
        assertThat(next.getByRole(AriaRole.HEADING)).hasText("Ideas to react to next");
        var offered = next.locator("li.statement");
        assertThat(offered).hasCount(3);
        String first = offered.first().getByRole(AriaRole.LINK).textContent();
        String address = page.url();

        offered.first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Agree: " + first).setExact(true)).click();

        assertThat(next.getByRole(AriaRole.STATUS)).hasText(
                "Thank you: your reaction counts from the next update of the map, in a few seconds.");
        assertThat(next.locator("li.statement")).hasCount(3);
        assertThat(next.getByText(first, new Locator.GetByTextOptions().setExact(true))).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(page.url()).as("no page load").isEqualTo(address);
        var reacted = ideas.stream().filter(idea -> idea.title().equals(first)).findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(fixtures.reading().require(fixtures.actor(reader), reacted.id())
                .myReaction()).isEqualTo(ReactionKind.AGREE);
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("opinion-map-next-ideas"))
                .setFullPage(true));
    }
}
