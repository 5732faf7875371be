package org.incrowd.notify.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.incrowd.discussion.Post;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Jam;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Mentioning with the keyboard only: "@Ad", ArrowDown, Enter puts the member's full name in the reply, and sending
 * it tells them; on a desktop and on a 390 px phone. The follow buttons work from the keyboard and say their state.
 */
@IncrowdBrowserTest
class MentionsBrowserTests {

    @RegisterExtension
    static final BrowserPages browser = new BrowserPages();

    @Autowired
    JdbcClient jdbc;

    @Test
    void typingAtAdThenArrowDownAndEnterMentionsAdaOnADesktop() {
        mentionByKeyboard(1280, 800, "mentions-desktop");
    }

    @Test
    void typingAtAdThenArrowDownAndEnterMentionsAdaOnAPhone() {
        mentionByKeyboard(390, 844, "mentions-phone");
    }

    @Test
    void theFollowButtonIsPressedFromTheKeyboardAndSaysSo() {
        var fixtures = browser.fixtures();
        var jam = fixtures.liveJam("Follow Jam " + System.nanoTime());
        var forum = fixtures.forum(jam, "Depot");
        var reader = member(jam, "Rita Reader");
        var idea = fixtures.idea(forum, member(jam, "Ann Author"), "Night buses", "The last bus leaves too early.");

        Page page = browser.signIn(browser.open("en-GB", 1280, 800), reader);
        page.navigate(browser.url("/threads/" + idea.id()));
        var follow = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Follow this thread"));
        assertThat(follow).hasAttribute("aria-pressed", "false");
        // The buttons arrive by htmx after the page has loaded, and htmx wires their form up only when the swap has
        // settled (it then takes its "htmx-added" class away). Enter pressed before that posts the form the plain
        // way, the page reloads, and focus goes with it.
        assertThat(page.locator("div.follow")).not().hasClass(java.util.regex.Pattern.compile("htmx-added"));
        follow.focus();
        page.keyboard().press("Enter");

        assertThat(follow).hasAttribute("aria-pressed", "true");
        assertThat(page.getByRole(AriaRole.STATUS).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("You follow this thread"))).hasCount(1);
        assertThat(follow).isFocused();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("follow-thread")));
    }

    private void mentionByKeyboard(int width, int height, String screenshot) {
        var fixtures = browser.fixtures();
        var jam = fixtures.liveJam("Mention Jam " + System.nanoTime());
        var forum = fixtures.forum(jam, "Canteen");
        var ada = member(jam, "Ada Lovelace");
        member(jam, "Adi <script>alert(1)</script>");
        member(jam, "Bob Other");
        var writer = member(jam, "Wes Writer");
        Post idea = fixtures.idea(forum, writer, "Longer lunch", "Half an hour is too short.");

        Page page = browser.signIn(browser.open("en-GB", width, height), writer);
        page.navigate(browser.url("/threads/" + idea.id()));
        var reply = page.locator("#reply-body");
        reply.focus();
        page.keyboard().type("I agree with @Ad");

        var options = page.getByRole(AriaRole.OPTION);
        assertThat(options).hasCount(2);
        assertThat(reply).hasAttribute("aria-expanded", "true");
        assertThat(options.nth(1)).hasText("Adi <script>alert(1)</script>");
        page.keyboard().press("ArrowDown");
        assertThat(options.first()).hasAttribute("aria-selected", "true");
        assertThat(reply).hasAttribute("aria-activedescendant", options.first().getAttribute("id"));
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Chromium.screenshot(screenshot)));
        page.keyboard().press("Enter");

        assertThat(reply).hasValue("I agree with @Ada Lovelace ");
        assertThat(reply).hasAttribute("aria-expanded", "false");
        page.keyboard().type("on this.");
        page.keyboard().press("Escape");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");

        page.waitForURL("**/threads/" + idea.id() + "**");
        assertThat(page.getByText("I agree with @Ada Lovelace on this.")).isVisible();
        assertThat(jdbc.sql("select person_id from notification where jam_id = ? and kind = 'MENTION'")
                .param(jam.id()).query(Long.class).list()).containsExactly(ada.id());
    }

    private Person member(Jam jam, String name) {
        var person = browser.fixtures().person(name, Role.PARTICIPANT);
        browser.fixtures().join(jam, person);
        return person;
    }
}
