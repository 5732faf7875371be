package org.incrowd.identity.internal;

import java.time.Clock;
import java.time.Duration;
import org.incrowd.identity.EmailAddress;

/**
 * Failed password sign-ins within a sliding window. Three limits, so guessing stays slow without letting a stranger
 * lock others out cheaply: per e-mail and client address (a person who mistypes is slowed, nobody else), per e-mail
 * across addresses (guessing from many machines), per address across e-mails (one machine trying many accounts).
 * Successful sign-ins never count: a whole office behind one address can sign in when a Jam opens.
 */
class SignInAttempts {

    static final Duration WINDOW = Duration.ofMinutes(10);

    record Limits(int perEmailAndAddress, int perEmail, int perAddress) {
    }

    private final Limits limits;
    private final SlidingWindow failures;

    SignInAttempts(Limits limits, Clock clock) {
        this.limits = limits;
        this.failures = new SlidingWindow(WINDOW, clock);
    }

    boolean isLocked(String email, String address) {
        String who = normalise(email);
        return failures.count("pair:" + who + "|" + address) >= limits.perEmailAndAddress()
                || failures.count("email:" + who) >= limits.perEmail()
                || failures.count("address:" + address) >= limits.perAddress();
    }

    void failed(String email, String address) {
        String who = normalise(email);
        failures.record("pair:" + who + "|" + address);
        failures.record("email:" + who);
        failures.record("address:" + address);
    }

    /** The right password from this address forgives this address's earlier mistakes for this e-mail. */
    void succeeded(String email, String address) {
        failures.forget("pair:" + normalise(email) + "|" + address);
    }

    private static String normalise(String email) {
        return email == null ? "" : EmailAddress.normalise(email);
    }
}
