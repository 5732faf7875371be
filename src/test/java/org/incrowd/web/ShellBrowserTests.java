package org.incrowd.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.incrowd.identity.Role;
import org.incrowd.support.BrowserPages;
import org.incrowd.support.Chromium;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shell every page shares (header, stylesheet, static files) as a person sees it in a real browser. */
@IncrowdBrowserTest
class ShellBrowserTests {

    @RegisterExtension
    static final BrowserPages browser = new BrowserPages();

    @Test
    void theHeaderSearchButtonSitsBesideItsInputAndSearchFiltersShareARow() {
        var reader = browser.fixtures().person("Shell reader", Role.PARTICIPANT);
        Page page = browser.signIn(browser.open(), reader);
        page.navigate(browser.url("/search"));

        var box = page.locator(".site-search input").boundingBox();
        var button = page.locator(".site-search button").boundingBox();
        assertThat(button.x).as("the search button follows its input").isGreaterThan(box.x + box.width - 1);
        assertThat(Math.abs(button.y - box.y)).as("on the same line").isLessThan(box.height);

        var jam = page.getByLabel("Jam", new Page.GetByLabelOptions().setExact(true)).boundingBox();
        var forum = page.getByLabel("Forum", new Page.GetByLabelOptions().setExact(true)).boundingBox();
        assertThat(forum.y).as("filters side by side on a wide screen").isEqualTo(jam.y);
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("shell-search")));
    }
}
