package org.incrowd.support;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ReducedMotion;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Browser contexts (one person's cookies and storage each) lent to tests and cleaned when given back, instead of a
 * new one per test. On the test machines a new context's first page cost about 0.9 CPU seconds more than a page in a
 * context kept open with a blank page in it (a new renderer process and its start-up), and browser tests open
 * hundreds of them; Chromium was half of the H2 run's CPU.
 *
 * <p>A context given back has every page but its blank one closed, its cookies, permissions and offline state reset,
 * routes, extra headers, geolocation and default timeouts dropped, and all stored data (local storage, IndexedDB, cache
 * storage, service workers) of every origin its frames visited cleared, so the next test starts as a new visitor
 * would, except for the HTTP cache, which is kept (static files have versioned addresses; a returning visitor has
 * them cached too). Init scripts and exposed bindings cannot be taken back: a test that adds them to a context must
 * make its own with {@code chromium.browser().newContext()}. Only contexts with the same {@link Look} are shared.
 * Not thread-safe, like Playwright itself: the tests of one JVM run one after the other.
 */
final class ContextPool {

    /** Idle contexts kept at most; each holds a renderer process for its blank page. */
    private static final int MOST_IDLE = 6;
    /** Playwright's own default for actions and navigations, which a test may have changed. */
    private static final double DEFAULT_TIMEOUT_MS = 30_000;
    /** The scheme and host of an address, cut out as text: Chromium's addresses are not always valid URIs. */
    private static final Pattern ORIGIN = Pattern.compile("https?://[^/?#]+");

    /** What a context is made with and tests may not change: language, window, script, motion. */
    record Look(String locale, int width, int height, boolean javaScript, boolean reducedMotion) {

        static Look of(String locale, int width, int height) {
            return new Look(locale, width, height, true, false);
        }

        Browser.NewContextOptions options() {
            return new Browser.NewContextOptions().setLocale(locale).setViewportSize(width, height)
                    .setJavaScriptEnabled(javaScript)
                    .setReducedMotion(reducedMotion ? ReducedMotion.REDUCE : ReducedMotion.NO_PREFERENCE);
        }
    }

    /** A context of the pool, the blank page that keeps it warm, and the origins its pages have been on. */
    private static final class Kept {
        final Look look;
        final BrowserContext context;
        final Page blank;
        final Set<String> origins = new LinkedHashSet<>();
        boolean closed;
        CDPSession devTools;

        Kept(Look look, BrowserContext context) {
            this.look = look;
            this.context = context;
            context.onClose(c -> closed = true);
            // Every frame's, not just the page's: an embedded page stores under its own origin.
            context.onPage(page -> page.onFrameNavigated(frame -> {
                var origin = ORIGIN.matcher(frame.url());
                if (origin.lookingAt()) {
                    origins.add(origin.group());
                }
            }));
            this.blank = context.newPage();
        }
    }

    private final Browser browser;
    private final Map<Look, Deque<Kept>> idle = new HashMap<>();
    private final Deque<Kept> idleByAge = new ArrayDeque<>();

    ContextPool(Browser browser) {
        this.browser = browser;
    }

    /** A clean context with this look; {@code close()} gives it back. */
    BrowserContext lend(Look look) {
        Kept kept = takeIdle(look);
        if (kept == null) {
            kept = new Kept(look, browser.newContext(look.options()));
        }
        return lentView(kept);
    }

    private Kept takeIdle(Look look) {
        var ofLook = idle.getOrDefault(look, new ArrayDeque<>());
        while (!ofLook.isEmpty()) {
            Kept kept = ofLook.pop();
            idleByAge.remove(kept);
            if (!kept.closed) {
                return kept;
            }
        }
        return null;
    }

    /**
     * The context as the test sees it: everything goes to the real one, except that closing gives it back, and that
     * once given back it refuses to be used (it may be lent to the next test by then). {@code page.context()} gives
     * the real context, which a test may close for good.
     */
    private BrowserContext lentView(Kept kept) {
        boolean[] givenBack = {false};
        return (BrowserContext) Proxy.newProxyInstance(BrowserContext.class.getClassLoader(),
                new Class<?>[] {BrowserContext.class}, (proxy, method, arguments) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (!givenBack[0]) {
                                givenBack[0] = true;
                                giveBack(kept);
                            }
                            return null;
                        }
                        case "equals" -> {
                            return proxy == arguments[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "toString" -> {
                            return "lent " + kept.look;
                        }
                        default -> {
                            if (givenBack[0]) {
                                throw new IllegalStateException("This browser context was closed (given back to the"
                                        + " pool); open another with Chromium.personalBrowser()");
                            }
                        }
                    }
                    try {
                        return method.invoke(kept.context, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void giveBack(Kept kept) {
        if (kept.closed) {
            return;
        }
        try {
            clean(kept);
        } catch (RuntimeException e) {
            // A context that cannot be cleaned is not lent again; if it cannot even be closed, it goes with the browser.
            closeQuietly(kept);
            return;
        }
        idle.computeIfAbsent(kept.look, look -> new ArrayDeque<>()).push(kept);
        idleByAge.addLast(kept);
        while (idleByAge.size() > MOST_IDLE) {
            Kept oldest = idleByAge.removeFirst();
            idle.get(oldest.look).remove(oldest);
            closeQuietly(oldest);
        }
    }

    private static void closeQuietly(Kept kept) {
        try {
            kept.context.close();
        } catch (RuntimeException e) {
            kept.closed = true;
        }
    }

    private static void clean(Kept kept) {
        for (Page page : kept.context.pages()) {
            if (page != kept.blank) {
                page.close();
            }
        }
        kept.context.clearCookies();
        kept.context.clearPermissions();
        kept.context.setOffline(false);
        kept.context.unrouteAll();
        kept.context.setExtraHTTPHeaders(Map.of());
        kept.context.setGeolocation(null);
        kept.context.setDefaultTimeout(DEFAULT_TIMEOUT_MS);
        kept.context.setDefaultNavigationTimeout(DEFAULT_TIMEOUT_MS);
        if (kept.devTools == null) {
            kept.devTools = kept.context.newCDPSession(kept.blank);
        }
        for (String origin : kept.origins) {
            var request = new JsonObject();
            request.addProperty("origin", origin);
            request.addProperty("storageTypes", "all");
            kept.devTools.send("Storage.clearDataForOrigin", request);
        }
        kept.origins.clear();
    }
}
