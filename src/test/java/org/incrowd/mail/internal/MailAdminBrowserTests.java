package org.incrowd.mail.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.incrowd.identity.Role;
import org.incrowd.mail.Mail;
import org.incrowd.mail.Outbox;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo without a mail server: an administrator reads at /admin/mail what Incrowd's own SMTP server received, opens
 * a message by keyboard, sees its HTML in a frame without rights and its text beside it, and follows its link.
 */
@IncrowdBrowserTest
@Import(DemoMailServer.class)
class MailAdminBrowserTests {

    @RegisterExtension
    static final BrowserPages pages = new BrowserPages();

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    EmbeddedMailServer server;

    @Test
    void anAdministratorReadsAReceivedMailAndFollowsItsLink() throws Exception {
        String to = "welcome-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.example";
        transaction.executeWithoutResult(status -> outbox.send(new Mail("welcome:" + to, "test.welcome", to, null,
                "en", Map.of("subject", "Welcome <b>aboard</b>", "link", pages.url("/jams")))));
        awaitReceived(to);
        var admin = pages.fixtures().person("Mail Admin", Role.ADMINISTRATOR);

        Page page = pages.signIn(pages.page(), admin);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mail").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Received by the built-in mail server"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sent ("))).isVisible();
        var subject = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Welcome <b>aboard</b>"));
        assertThat(subject).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("mail-admin")).setFullPage(true));

        subject.focus();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome <b>aboard</b>")
                .setLevel(1))).isVisible();
        assertThat(page.locator("pre.mail-text")).containsText("Open the Jams: " + pages.url("/jams"));
        var framed = page.frameLocator("iframe.mail-html").getByRole(AriaRole.LINK,
                new com.microsoft.playwright.FrameLocator.GetByRoleOptions().setName("Open the Jams"));
        assertThat(framed).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("mail-received")).setFullPage(true));

        Page followed = page.context().waitForPage(framed::click);
        followed.waitForURL("**/jams");
        assertThat(followed.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();

        String htmlUrl = page.locator("iframe.mail-html").getAttribute("src");
        var body = page.request().get(pages.url(htmlUrl));
        assertThat(body.headers().get("content-security-policy")).startsWith("sandbox").contains("default-src 'none'");
    }

    @Test
    void theMailPagesFitANarrowScreen() throws Exception {
        String to = "narrow-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.example";
        transaction.executeWithoutResult(status -> outbox.send(new Mail("narrow:" + to, "test.welcome", to, null,
                "en", Map.of("subject", "A welcome with a rather long subject line for a phone", "link",
                        pages.url("/jams")))));
        awaitReceived(to);
        var admin = pages.fixtures().person("Narrow Admin", Role.ADMINISTRATOR);

        Page page = pages.signIn(pages.open("en-GB", 390, 844), admin);
        page.navigate(pages.url("/admin/mail"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mail log"))).isVisible();
        BrowserPages.assertFitsItsWindow(page);
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("mail-admin-390")).setFullPage(true));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("A welcome with a rather long subject line for a phone")).click();
        assertThat(page.locator("pre.mail-text")).containsText("Welcome!");
        BrowserPages.assertFitsItsWindow(page);
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("mail-received-390")).setFullPage(true));
    }

    void awaitReceived(String to) throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(10);
        while (server.received().stream().noneMatch(m -> ReceivedMail.of(0, m).to().equals(to))) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("The built-in server received nothing for " + to);
            }
            Thread.sleep(50);
        }
    }
}
