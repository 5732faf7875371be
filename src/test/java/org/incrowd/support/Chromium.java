package org.incrowd.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium from the operating system (Debian's chromium package), driven by Playwright. Playwright's own
 * browser download is switched off: these machines reach no download site, and the system browser is what users run.
 */
public final class Chromium {

    public static final Path EXECUTABLE = Path.of(System.getProperty("incrowd.test.chromium", "/usr/bin/chromium"));
    /** Screenshots land here so a person can look at what the browser saw. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** The test JVM's one browser, see {@link #shared()}. */
    private static Chromium shared;

    private final Playwright playwright;
    private final Browser browser;
    private final ContextPool contexts;

    /**
     * The browser every browser test of this JVM uses: starting Playwright's driver and Chromium costs a second or
     * more, once per test class before. Tests stay apart through their own browser contexts (cookies, storage). It
     * ends with the JVM.
     */
    public static synchronized Chromium shared() {
        if (shared == null) {
            shared = new Chromium();
            var browser = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(browser::closeBrowser, "close-chromium"));
        }
        return shared;
    }

    private Chromium() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("Browser tests need Chromium at " + EXECUTABLE
                    + ": install the Debian package chromium (./incrowd test does this when it may).");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
        contexts = new ContextPool(browser);
    }

    public Browser browser() {
        return browser;
    }

    /**
     * A browser of one person's own (cookies, storage, nothing from earlier tests), in British English, with
     * Playwright's default window of 1280 × 720. Closing it gives it back to be cleaned and lent again.
     */
    public BrowserContext personalBrowser() {
        return personalBrowser(1280, 720);
    }

    /** The same with a window of the given size. */
    public BrowserContext personalBrowser(int width, int height) {
        return personalBrowser(ContextPool.Look.of("en-GB", width, height));
    }

    BrowserContext personalBrowser(ContextPool.Look look) {
        return contexts.lend(look);
    }

    /** Signs the person in, in their own browser, and opens the page at {@code path}. */
    public static com.microsoft.playwright.Page open(BrowserContext browser, int port, String email, String path) {
        var page = signIn(browser.newPage(), port, email, Fixtures.PASSWORD);
        page.navigate("http://localhost:" + port + path);
        return page;
    }

    /** Signs in through the sign-in page, as a person would, and returns the page they land on. */
    public static com.microsoft.playwright.Page signIn(com.microsoft.playwright.Page page, int port, String email,
                                                       String password) {
        page.navigate("http://localhost:" + port + "/signin");
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sign in")).click();
        return page;
    }

    public static Path screenshot(String name) {
        return SCREENSHOTS.resolve(name + ".png");
    }

    private void closeBrowser() {
        browser.close();
        playwright.close();
    }
}
