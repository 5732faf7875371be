package org.incrowd.facilitation.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.incrowd.identity.Role;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Announcements on a phone: they take little room, and a reader dismisses them for good. */
@IncrowdBrowserTest
class AnnouncementsBrowserTests {

    @RegisterExtension
    static final BrowserPages browser = new BrowserPages();

    @Autowired
    Facilitation facilitation;

    @Test
    void onAPhoneThreeAnnouncementsTakeLittleRoomAndADismissedOneStaysGone() {
        var fixtures = browser.fixtures();
        var jam = fixtures.liveJam("Phone Jam");
        var forum = fixtures.forum(jam, "Depot");
        var host = fixtures.person("Hal Host", Role.PARTICIPANT);
        fixtures.host(forum, host);
        var reader = fixtures.person("Pia Phone", Role.PARTICIPANT);
        fixtures.join(jam, reader);
        for (String body : new String[] {"The canteen closes early today, at two in the afternoon, for cleaning.",
                "Our guest, the head of logistics, answers questions here from three o'clock.",
                "Thank you all: more than a hundred ideas in the first hour. Keep building on each other!"}) {
            facilitation.announceToForum(fixtures.actor(host), forum.id(), body);
        }

        Page page = browser.signIn(browser.open("en-GB", 390, 844), reader);
        page.navigate(browser.url("/forums/" + forum.id()));
        var newest = page.locator(".announcement").first();
        assertThat(newest).containsText("Thank you all");
        var more = page.getByText("2 more announcements");
        assertThat(more).isVisible();
        double height = ((Number) page.evaluate("() => document.querySelector('.more-announcements > summary')"
                + ".getBoundingClientRect().bottom - document.querySelector('.announcement').getBoundingClientRect().top"))
                .doubleValue();
        assertThat(height).as("height of the announcements on a 390 px phone").isBetween(40.0, 250.0);
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("announcements-phone")));

        newest.getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByText("Thank you all")).hasCount(0);
        page.reload();
        assertThat(page.getByText("Thank you all")).hasCount(0);
        assertThat(page.locator(".announcement").first()).containsText("head of logistics");
        assertThat(page.getByText("1 more announcement")).isVisible();
    }
}
