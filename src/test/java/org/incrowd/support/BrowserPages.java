package org.incrowd.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Chromium per test class and fresh pages per test, closed by themselves: register it as a static field with
 * {@code @RegisterExtension} instead of starting and closing a browser and its contexts in every browser test.
 */
public final class BrowserPages implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private Chromium chromium;
    private final List<BrowserContext> open = new ArrayList<>();

    /** A new page in a context of its own (its own cookies) with the given language and window size. */
    public Page open(String locale, int width, int height) {
        BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale(locale)
                .setViewportSize(width, height));
        open.add(context);
        return context.newPage();
    }

    /** An English page on a desktop-sized window. */
    public Page open() {
        return open("en-GB", 1280, 900);
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        chromium = new Chromium();
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        open.forEach(BrowserContext::close);
        open.clear();
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        chromium.close();
    }
}
