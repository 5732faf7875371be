package org.incrowd.notify.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.incrowd.identity.Role;
import org.incrowd.notify.NotificationKind;
import org.incrowd.notify.NotificationParams;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.IncrowdBrowserTest;
import org.incrowd.support.MailCatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bell in a real browser: a reply rings it live on an open page and arrives by mail; the notifications page
 * and the preferences page work from the keyboard, on a desktop and on a phone; the mail's unsubscribe link works
 * in one click; guests have no bell.
 */
@IncrowdBrowserTest
class NotificationsBrowserTests {

    private static final LocatorAssertions.IsVisibleOptions SOON =
            new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);

    @RegisterExtension
    static final BrowserPages pages = new BrowserPages();

    @Autowired
    Inbox inbox;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Mail goes to proven addresses only; people made by the fixtures have proved theirs. */
    private org.incrowd.identity.Person verified(String name) {
        return pages.fixtures().person(name, Role.PARTICIPANT);
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void aReplyRingsTheBellLiveAndOpensFromTheKeyboard() throws Exception {
        var fixtures = pages.fixtures();
        var jam = fixtures.liveJam("Bell Jam");
        var forum = fixtures.forum(jam, "Depots");
        var author = verified("Author Ada");
        fixtures.join(jam, author);
        var idea = fixtures.idea(forum, author, "Greener depots", "Solar roofs on every depot.");
        var page = pages.signIn(pages.page(), author);
        page.navigate(pages.url("/threads/" + idea.id()));
        assertThat(page.getByRole(AriaRole.LINK, named("Notifications, none unread"))).isVisible();

        inbox.deliver(NotificationKind.REPLY, List.of(author.id()), jam.id(), "/threads/" + idea.id(),
                Map.of(NotificationParams.ACTOR, "Ben <b>Builder</b>", NotificationParams.TITLE, "Greener depots"));

        var bell = page.getByRole(AriaRole.LINK, named("Notifications, 1 unread"));
        assertThat(bell).isVisible(SOON); // without reloading the page
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("notify-bell-live")));
        bell.focus();
        page.keyboard().press("Enter");
        var item = page.getByRole(AriaRole.LINK, named("Ben <b>Builder</b> replied to your post “Greener depots”"));
        assertThat(item).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("notify-page")));
        item.focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(pages.url("/threads/" + idea.id()));
        assertThat(page.getByRole(AriaRole.LINK, named("Notifications, none unread"))).isVisible();

        var mail = MailCatcher.awaitOne(author.email());
        org.assertj.core.api.Assertions.assertThat(mail.getSubject()).isEqualTo("Ben <b>Builder</b> replied to your post “Greener depots”");
        page.navigate(MailCatcher.link(mail, "/threads/"));
        assertThat(page).hasURL(pages.url("/threads/" + idea.id()));
        assertThat(page.locator(".post-title").getByText("Greener depots")).isVisible();
    }

    @Test
    void preferencesAreChosenWithTheKeyboardOnAPhoneAndTheMailLinkUnsubscribesInOneClick() {
        var fixtures = pages.fixtures();
        var jam = fixtures.liveJam("Phone Jam");
        var person = verified("Phone Phil");
        var page = pages.signIn(pages.open("en-GB", 390, 844), person);
        page.navigate(pages.url("/profile"));
        page.getByRole(AriaRole.LINK, named("Choose what Incrowd tells you")).click();

        var mentionsByMail = page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions()
                .setName("Mentions of you By e-mail"));
        mentionsByMail.getByLabel("At once").focus();
        page.keyboard().press("ArrowRight"); // at once → daily digest
        assertThat(mentionsByMail.getByLabel("Daily digest")).isChecked();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("notify-preferences-phone"))
                .setFullPage(true));
        page.getByRole(AriaRole.BUTTON, named("Save choices")).focus();
        page.keyboard().press("Enter");
        assertThat(page.getByText("Your choices are saved.")).isVisible();
        assertThat(page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions()
                .setName("Mentions of you By e-mail")).getByLabel("Daily digest")).isChecked();

        inbox.deliver(NotificationKind.REPLY, List.of(person.id()), jam.id(), "/jams/" + jam.id(),
                Map.of(NotificationParams.ACTOR, "Cy", NotificationParams.TITLE, "Buses"));
        var mail = MailCatcher.awaitOne(person.email());
        page.navigate(MailCatcher.link(mail, "/unsubscribe/"));
        page.getByRole(AriaRole.BUTTON, named("Stop these mails")).click();
        assertThat(page.getByText("Done: no more mails about: Replies to your posts.")).isVisible();
        page.navigate(pages.url("/notifications/preferences"));
        assertThat(page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions()
                .setName("Replies to your posts By e-mail")).getByLabel("Off")).isChecked();
    }

    @Test
    void guestsHaveNoBell() {
        var page = pages.page();
        page.navigate(pages.url("/"));
        assertThat(page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Sign in"))).isVisible();
        assertThat(page.getByRole(AriaRole.NAVIGATION).getByText("Notifications")).hasCount(0);
    }
}
