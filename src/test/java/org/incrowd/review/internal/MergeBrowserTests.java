package org.incrowd.review.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Jam;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A facilitator proposes a merge with the keyboard, both authors accept (one on a phone), the survivor counts. */
@IncrowdBrowserTest
class MergeBrowserTests {

    @RegisterExtension
    static final BrowserPages browser = new BrowserPages();

    @Test
    void aFacilitatorProposesBothAuthorsAcceptAndTheSurvivorShowsTheCounts() {
        var fixtures = browser.fixtures();
        var jam = fixtures.liveJam("Merge Jam");
        var forum = fixtures.forum(jam, "Commuting");
        var facilitator = fixtures.person("Fay Facilitator", Role.PARTICIPANT);
        fixtures.facilitator(forum, facilitator);
        var ada = member(fixtures, jam, "Ada Author");
        var ben = member(fixtures, jam, "Ben Author");
        var duplicate = fixtures.idea(forum, ada, "Night buses", "Buses after the late shift.");
        var survivor = fixtures.idea(forum, ben, "Late buses", "A bus when the night shift ends.");
        var both = member(fixtures, jam, "Bo Both");
        fixtures.reacting().react(fixtures.actor(both), duplicate.id(), ReactionKind.AGREE);
        fixtures.reacting().react(fixtures.actor(both), survivor.id(), ReactionKind.AGREE);
        for (var name : new String[] {"Cy", "Di"}) {
            fixtures.reacting().react(fixtures.actor(member(fixtures, jam, name)), duplicate.id(), ReactionKind.AGREE);
        }

        // The facilitator, on a desktop, with the keyboard only.
        Page desk = browser.signIn(browser.open(), facilitator);
        desk.navigate(browser.url("/threads/" + duplicate.id()));
        var propose = desk.getByText("Propose to join with…");
        propose.focus();
        desk.keyboard().press("Enter");
        desk.waitForURL("**/ideas/" + duplicate.id() + "/join");
        assertThat(desk.getByRole(com.microsoft.playwright.options.AriaRole.RADIO,
                new Page.GetByRoleOptions().setName("Merge this idea into the other one (the other one goes on)")))
                .isChecked();
        desk.getByLabel("The other idea", new Page.GetByLabelOptions().setExact(true)).focus();
        desk.keyboard().type(String.valueOf(survivor.id()));
        desk.keyboard().press("Tab");
        desk.keyboard().type("Both ask for a bus after the late shift.");
        desk.keyboard().press("Tab");
        desk.keyboard().press("Enter");
        desk.waitForURL("**/joins/*");
        assertThat(desk.locator(".merge-state")).containsText("Waiting for the authors’ consent");
        desk.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("merge-proposed-desktop"))
                .setFullPage(true));
        String joinPath = desk.url().substring(desk.url().indexOf("/joins/"));

        // Ada answers on a phone.
        Page phone = browser.signIn(browser.open("en-GB", 390, 844), ada);
        phone.navigate(browser.url(joinPath));
        assertThat(phone.locator(".merge-note")).hasText("Both ask for a bus after the late shift.");
        BrowserPages.assertFitsItsWindow(phone);
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("merge-answer-phone"))
                .setFullPage(true));
        phone.getByText("Accept", new Page.GetByTextOptions().setExact(true)).focus();
        phone.keyboard().press("Enter");
        assertThat(phone.locator(".merge-ideas")).containsText("accepted");
        assertThat(phone.locator(".merge-state")).containsText("Waiting for the authors’ consent");

        // Ben accepts: the merge is carried out.
        Page other = browser.signIn(browser.open(), ben);
        other.navigate(browser.url(joinPath));
        other.getByText("Accept", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(other.locator(".merge-state")).containsText("Carried out");

        // The survivor counts Bo once, and Cy and Di moved: 3 agree.
        other.navigate(browser.url("/threads/" + survivor.id()));
        assertThat(other.locator("#reaction-" + survivor.id() + "-agree .count")).hasText("3");
        assertThat(other.locator(".merge-note-lines")).containsText("Joined into this idea:");
        other.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("merge-survivor-desktop"))
                .setFullPage(true));
        phone.navigate(browser.url("/threads/" + duplicate.id()));
        assertThat(phone.locator(".joined-into")).containsText("Late buses");
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("merge-joined-phone"))
                .setFullPage(true));
    }

    private static Person member(org.incrowd.support.Fixtures fixtures, Jam jam, String name) {
        var person = fixtures.person(name, Role.PARTICIPANT);
        fixtures.join(jam, person);
        return person;
    }
}
