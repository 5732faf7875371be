package org.incrowd.webhook.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An organiser registers a webhook by keyboard, copies its secret once, and sees its deliveries. */
@IncrowdBrowserTest
class WebhooksBrowserTests {

    @RegisterExtension
    static final BrowserPages browser = new BrowserPages();

    @Test
    void anOrganiserRegistersAWebhookSeesTheSecretOnceAndThenItsDeliveries() throws Exception {
        var fixtures = browser.fixtures();
        var jam = fixtures.liveJam("Hooked Jam");
        var forum = fixtures.forum(jam, "Ideas");
        try (var receiver = new Receiver()) {
            var page = browser.signIn(browser.page(), fixtures.organiser());
            page.navigate(browser.url("/jams/" + jam.id() + "/webhooks"));

            page.getByLabel("Name").focus();
            page.keyboard().type("<script>alert('hook')</script> CRM");
            page.keyboard().press("Tab");
            page.keyboard().type("ftp://nowhere");
            page.getByLabel("A post is created").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register webhook")).press("Enter");
            // Refused with the reason, and what was typed kept.
            assertThat(page.getByText("This is not a web address Incrowd can deliver to").first()).isVisible();
            assertThat(page.getByLabel("Name")).hasValue("<script>alert('hook')</script> CRM");

            page.getByLabel("Address (URL)").fill(receiver.url());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register webhook")).press("Enter");
            assertThat(page.getByText("Its secret is shown only now.")).isVisible();
            String secret = page.locator("#webhook-secret").textContent().strip();
            org.assertj.core.api.Assertions.assertThat(secret).startsWith("whsec_");
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("webhooks-registered")));

            fixtures.idea(forum, "Reported by webhook");
            var request = receiver.next(1, Duration.ofSeconds(15)).getFirst();
            org.assertj.core.api.Assertions.assertThat(request.header("X-Incrowd-Signature")).isEqualTo(
                    WebhookDeliveryIntegrationTests.hmac(secret, request.header("X-Incrowd-Timestamp") + "."
                            + request.body()));

            page.navigate(browser.url("/jams/" + jam.id() + "/webhooks"));
            org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(secret);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("<script>alert('hook')</script> CRM"))
                    .press("Enter");
            assertThat(page.locator("tr.delivery").first()).containsText("post.created");
            assertThat(page.locator("tr.delivery").first()).containsText("Delivered");
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("webhooks-deliveries")));

            var phone = browser.signIn(browser.open("en-GB", 390, 844), fixtures.organiser());
            phone.navigate(browser.url("/jams/" + jam.id() + "/webhooks"));
            assertThat(phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register webhook")))
                    .isVisible();
            BrowserPages.assertFitsItsWindow(phone);
            phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("webhooks-390"))
                    .setFullPage(true));
        }
    }
}
