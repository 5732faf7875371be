package org.incrowd.discussion;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.incrowd.identity.Pseudonyms;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.HiddenAuthors;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Two people on a pseudonymous forum: one posts an idea, the other sees it appear live under the pseudonym, and the
 * watching page never carries the author's name; the writer read their own pseudonym before sending (ADR 42).
 */
@IncrowdBrowserTest
class PseudonymousLiveBrowserTests {

    @RegisterExtension
    static final BrowserPages pages = new BrowserPages();
    @Autowired
    ApplicationContext application;
    @Autowired
    Pseudonyms pseudonyms;

    @Test
    void anIdeaAppearsLiveUnderThePseudonymAndTheWatchingPageNeverNamesItsAuthor() {
        var hidden = HiddenAuthors.in(application);
        var watcher = hidden.fixtures.person("Wanda Watcher", org.incrowd.identity.Role.PARTICIPANT);
        hidden.fixtures.join(hidden.jam, watcher);
        String pseudonym = pseudonyms.of(hidden.jam.id(), hidden.author.id());
        String forum = "/forums/" + hidden.pseudonymous.id();

        Page phone = pages.open("en-GB", 390, 844);
        pages.signIn(phone, watcher);
        phone.navigate(pages.url(forum));
        Page desk = pages.open();
        pages.signIn(desk, hidden.author);
        desk.navigate(pages.url(forum));
        assertThat(desk.locator("#idea-author-notice")).containsText("others see you as " + pseudonym + " (Employee)");
        phone.waitForTimeout(500); // let the watcher's stream connect (the since= replay covers a late one too)

        desk.getByLabel("Title of your idea").fill("Quiet hours");
        desk.locator("#idea-body").fill("No meetings before ten on Fridays.");
        desk.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Post idea")).click();

        var card = phone.locator("#ideas li", new Page.LocatorOptions().setHasText("Quiet hours"));
        assertThat(card).isVisible();
        assertThat(card).containsText(pseudonym);
        assertThat(card).containsText("(Employee)");
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("pseudonymous-live-390"))
                .setFullPage(true));
        desk.navigate(pages.url(forum));
        desk.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("pseudonymous-own-desktop"))
                .setFullPage(true));
        hidden.assertNoTrace("the watcher's live forum page", phone.content());
        assertThat(desk.locator("#ideas li", new Page.LocatorOptions().setHasText("Quiet hours")))
                .containsText("(you)");
    }
}
