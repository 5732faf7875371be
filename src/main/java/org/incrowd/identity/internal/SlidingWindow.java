package org.incrowd.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** How often something happened per key within the last {@code window}: the counter behind Incrowd's rate limits. */
final class SlidingWindow {

    /** Bounds memory when someone tries very many different e-mails or addresses. */
    private static final int MAX_KEYS = 100_000;

    private final Duration window;
    private final Clock clock;
    private final Map<String, ArrayDeque<Long>> events = new ConcurrentHashMap<>();

    SlidingWindow(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    Duration window() {
        return window;
    }

    int count(String key) {
        var times = events.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times, clock.millis());
            return times.size();
        }
    }

    void record(String key) {
        long now = clock.millis();
        if (events.size() > MAX_KEYS) {
            events.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
        var times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    void forget(String key) {
        events.remove(key);
    }

    private void prune(ArrayDeque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() < now - window.toMillis()) {
            times.pollFirst();
        }
    }
}
