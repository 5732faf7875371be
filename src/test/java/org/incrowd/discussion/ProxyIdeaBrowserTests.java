package org.incrowd.discussion;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A proxy idea is claimed by its author, with the keyboard alone, on a desktop and on a 390 px phone: a colleague
 * enters the idea for Maria with her consent and gets the slip, Maria signs in, types the code and sees it as hers.
 */
@IncrowdBrowserTest
class ProxyIdeaBrowserTests {

    @RegisterExtension
    static final BrowserPages pages = new BrowserPages();

    @Test
    void aProxyIdeaIsClaimedByItsAuthorOnADesktop() {
        claimedWithTheKeyboard(1280, 900, "desktop");
    }

    @Test
    void aProxyIdeaIsClaimedByItsAuthorOnAPhone() {
        claimedWithTheKeyboard(390, 844, "phone");
    }

    private void claimedWithTheKeyboard(int width, int height, String device) {
        var fixtures = pages.fixtures();
        var jam = fixtures.liveJam("Depot ideas " + System.nanoTime());
        Forum forum = fixtures.forum(jam, "Night shift");
        Person sam = fixtures.person("Sam Supervisor", Role.PARTICIPANT);
        Person maria = fixtures.person("Maria Driver", Role.PARTICIPANT);
        fixtures.join(jam, sam);
        fixtures.join(jam, maria);

        var colleague = pages.signIn(pages.open("en-GB", width, height), sam);
        colleague.navigate(pages.url("/forums/" + forum.id()));
        colleague.getByText("Enter an idea for someone else").focus();
        colleague.keyboard().press("Enter");
        colleague.waitForURL("**/proxy");
        colleague.locator("#title").focus();
        colleague.keyboard().type("Lights at gate 4");
        colleague.keyboard().press("Tab");
        colleague.keyboard().type("The gate is dark at 3 am; a sensor lamp would do.");
        colleague.locator("#forName").focus();
        colleague.keyboard().type("Maria");
        colleague.keyboard().press("Tab");
        colleague.keyboard().type("night shift, depot 4");
        colleague.locator("#consent").focus();
        colleague.keyboard().press("Space");
        colleague.locator("input[name=consentHow][value=IN_PERSON]").focus();
        colleague.keyboard().press("Space");
        colleague.locator("#proxy button[type=submit]").focus();
        colleague.keyboard().press("Enter");

        colleague.waitForURL("**/slip");
        var code = colleague.locator("#claim-code");
        assertThat(code).hasText(java.util.regex.Pattern.compile("^[A-Z0-9]{4}-[A-Z0-9]{4}$"));
        String claimCode = code.innerText().strip();
        colleague.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("proxy-slip-" + device)));

        var person = pages.signIn(pages.open("en-GB", width, height), maria);
        person.navigate(pages.url("/claim"));
        person.locator("#code").focus();
        person.keyboard().type(claimCode);
        person.keyboard().press("Enter");

        person.waitForURL("**/threads/**");
        var idea = person.locator("article.post").first();
        assertThat(idea.locator(".byline strong")).hasText("Maria Driver");
        assertThat(idea.locator(".proxy-from")).containsText("entered by Sam Supervisor, with their consent");
        assertThat(idea.locator(".proxy-from")).containsText("claimed by them");
        person.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("proxy-claimed-" + device)));
    }
}
