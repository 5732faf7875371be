package org.incrowd.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed password sign-ins within a sliding window. Three limits, so guessing stays slow without letting a stranger
 * lock others out cheaply: per e-mail and client address (a person who mistypes is slowed, nobody else), per e-mail
 * across addresses (guessing from many machines), per address across e-mails (one machine trying many accounts).
 * Successful sign-ins never count: a whole office behind one address can sign in when a Jam opens.
 */
class SignInAttempts {

    static final Duration WINDOW = Duration.ofMinutes(10);
    /** Bounds memory when someone tries very many different e-mails or addresses. */
    private static final int MAX_KEYS = 100_000;

    record Limits(int perEmailAndAddress, int perEmail, int perAddress) {
    }

    private final Limits limits;
    private final Clock clock;
    private final Map<String, ArrayDeque<Long>> failures = new ConcurrentHashMap<>();

    SignInAttempts(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    boolean isLocked(String email, String address) {
        String who = normalise(email);
        return count("pair:" + who + "|" + address) >= limits.perEmailAndAddress()
                || count("email:" + who) >= limits.perEmail()
                || count("address:" + address) >= limits.perAddress();
    }

    void failed(String email, String address) {
        String who = normalise(email);
        record("pair:" + who + "|" + address);
        record("email:" + who);
        record("address:" + address);
    }

    /** The right password from this address forgives this address's earlier mistakes for this e-mail. */
    void succeeded(String email, String address) {
        failures.remove("pair:" + normalise(email) + "|" + address);
    }

    private static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private int count(String key) {
        var window = failures.get(key);
        if (window == null) {
            return 0;
        }
        synchronized (window) {
            prune(window, clock.millis());
            return window.size();
        }
    }

    private void record(String key) {
        long now = clock.millis();
        if (failures.size() > MAX_KEYS) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
        var window = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (window) {
            prune(window, now);
            window.addLast(now);
        }
    }

    private static void prune(ArrayDeque<Long> window, long now) {
        while (!window.isEmpty() && window.peekFirst() < now - WINDOW.toMillis()) {
            window.pollFirst();
        }
    }
}
