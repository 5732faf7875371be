package org.incrowd.kiosk.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Wrong codes per kiosk: a short code is only as safe as the number of guesses allowed. After {@link #LIMIT} wrong
 * codes within {@link #WINDOW} a kiosk takes no code until the oldest falls out of the window; a person who mistypes
 * twice never notices. Kept in memory per instance: a kiosk talks to one instance at a time, and a restart forgets
 * only a few minutes of guesses.
 */
@Component
public class CodeAttempts {

    public static final int LIMIT = 20;
    public static final Duration WINDOW = Duration.ofMinutes(10);

    private final Map<Long, ArrayDeque<Long>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    CodeAttempts(Clock clock) {
        this.clock = clock;
    }

    public boolean blocked(long deviceId) {
        var times = failures.get(deviceId);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            forgetOld(times);
            return times.size() >= LIMIT;
        }
    }

    public void failed(long deviceId) {
        var times = failures.computeIfAbsent(deviceId, id -> new ArrayDeque<>());
        synchronized (times) {
            forgetOld(times);
            times.addLast(clock.millis());
        }
    }

    private void forgetOld(ArrayDeque<Long> times) {
        long oldest = clock.millis() - WINDOW.toMillis();
        while (!times.isEmpty() && times.peekFirst() < oldest) {
            times.removeFirst();
        }
    }
}
