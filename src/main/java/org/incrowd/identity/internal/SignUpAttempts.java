package org.incrowd.identity.internal;

import java.time.Clock;
import java.time.Duration;
import org.incrowd.identity.EmailAddress;

/**
 * Complete sign-ups (those that passed every check) within the last hour, per e-mail address and per client address.
 * The answer to a sign-up never says whether the address had an account, but a program could still create accounts
 * in bulk or bother one address's owner with sign-ups: these limits slow both. The per-client limit is generous so
 * that an office behind one address can sign up together when a Jam opens.
 */
class SignUpAttempts {

    static final Duration WINDOW = Duration.ofHours(1);

    record Limits(int perEmail, int perAddress) {
    }

    private final Limits limits;
    private final SlidingWindow signUps;

    SignUpAttempts(Limits limits, Clock clock) {
        this.limits = limits;
        this.signUps = new SlidingWindow(WINDOW, clock);
    }

    boolean isLimited(String email, String address) {
        return signUps.count("email:" + EmailAddress.normalise(email)) >= limits.perEmail()
                || signUps.count("address:" + address) >= limits.perAddress();
    }

    void record(String email, String address) {
        signUps.record("email:" + EmailAddress.normalise(email));
        signUps.record("address:" + address);
    }
}
