package org.incrowd.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Chromium per test class and a fresh browser context (cookies, storage) with one page per test, English,
 * 1280 × 900: {@code @RegisterExtension static final BrowserSession browser = new BrowserSession();}, then
 * {@code browser.page()} and {@code browser.context()} in the tests.
 */
public final class BrowserSession implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    private Chromium chromium;
    private BrowserContext context;
    private Page page;

    @Override
    public void beforeAll(ExtensionContext extension) {
        chromium = new Chromium();
    }

    @Override
    public void beforeEach(ExtensionContext extension) {
        context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-GB")
                .setViewportSize(1280, 900));
        page = context.newPage();
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        context.close();
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        chromium.close();
    }

    public Page page() {
        return page;
    }

    public BrowserContext context() {
        return context;
    }
}
