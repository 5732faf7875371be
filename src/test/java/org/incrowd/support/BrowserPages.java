package org.incrowd.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The test JVM's one Chromium ({@link Chromium#shared()}) and fresh pages per test, closed by themselves, plus the application's address and
 * fixtures: register it as a static field with {@code @RegisterExtension} in an {@link IncrowdBrowserTest} instead of
 * starting and closing a browser and its contexts in every browser test.
 */
public final class BrowserPages implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    private Chromium chromium;
    private final List<BrowserContext> open = new ArrayList<>();
    private Page page;
    private int port;
    private Fixtures fixtures;

    /** Test data made through the modules' services, for the application this test runs against. */
    public Fixtures fixtures() {
        return fixtures;
    }

    /** The full address of a path on the running application. */
    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs the person in on this page, through the sign-in form, with the fixtures' password. */
    public Page signIn(Page page, org.incrowd.identity.Person person) {
        return Chromium.signIn(page, port, person.email(), Fixtures.PASSWORD);
    }

    /** A new page in a context of its own (its own cookies) with the given language and window size. */
    public Page open(String locale, int width, int height) {
        return open(ContextPool.Look.of(locale, width, height));
    }

    /**
     * A desktop-sized English page with JavaScript switched off: the basic flows must work without it. Reduced motion,
     * because without script Playwright never sees a smooth scroll settle and waits forever to click.
     */
    public Page openWithoutScript() {
        return open(new ContextPool.Look("en-GB", 1280, 900, false, true));
    }

    private Page open(ContextPool.Look look) {
        BrowserContext context = chromium.personalBrowser(look);
        open.add(context);
        return context.newPage();
    }

    /** An English page on a desktop-sized window. */
    public Page open() {
        return open("en-GB", 1280, 900);
    }

    /** The test's own page (an English, desktop-sized one, opened on first use), for tests that need just one. */
    public Page page() {
        if (page == null) {
            page = open();
        }
        return page;
    }

    /** The browser context of {@link #page()}: its cookies, e.g. to end the session as an expired one would. */
    public BrowserContext context() {
        return page().context();
    }

    /**
     * Whether the page is no wider than its window: a page that is wider makes a phone scroll sideways and cuts off
     * whatever sticks out.
     */
    public static boolean fitsItsWindow(Page page) {
        return Boolean.TRUE.equals(page.evaluate(
                "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
    }

    /**
     * Fails unless the page {@linkplain #fitsItsWindow fits its window}, naming the first elements that stick out
     * (wide tables inside a {@code .table-scroll} scroll on their own and do not count).
     */
    public static void assertFitsItsWindow(Page page) {
        org.assertj.core.api.Assertions.assertThat(fitsItsWindow(page))
                .as(() -> "%s is wider than its %s px window; sticking out: %s".formatted(page.url(),
                        page.evaluate("() => document.documentElement.clientWidth"), page.evaluate(STICKING_OUT)))
                .isTrue();
    }

    /**
     * Stricter than {@link #assertFitsItsWindow}: no element reaches past the window's right edge, not even inside a
     * box that clips or scrolls it (wide tables inside a {@code .table-scroll} aside).
     */
    public static void assertNothingSticksOut(Page page) {
        org.assertj.core.api.Assertions.assertThat((String) page.evaluate(STICKING_OUT))
                .as("elements past the right edge of %s", page.url()).isEmpty();
    }

    private static final String STICKING_OUT = """
            () => [...document.querySelectorAll('body *')].filter(e => !e.closest('.table-scroll')
                && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .map(e => e.tagName + '.' + e.className).slice(0, 8).join(', ')""";

    @Override
    public void beforeAll(ExtensionContext extension) {
        chromium = Chromium.shared();
    }

    @Override
    public void beforeEach(ExtensionContext extension) {
        var application = SpringExtension.getApplicationContext(extension);
        port = application.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        fixtures = Fixtures.of(application);
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        try {
            open.forEach(BrowserContext::close);
        } finally {
            open.clear();
            page = null;
        }
    }

}
