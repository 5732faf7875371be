package org.incrowd.jam;

import org.incrowd.shared.Refusal;

/** How an identity mode may change (ADR 42). */
public final class IdentityModeRules {

    /** The form field a refusal belongs to. */
    public static final String FIELD = "identityMode";

    private IdentityModeRules() {
    }

    /**
     * Once people have written under a mode, it may only move towards more privacy (named, then pseudonymous, then
     * anonymous), and pseudonyms may stop showing the country but not start: people wrote trusting the promise they
     * read before posting, and a change back would show what they wrote under less cover than they chose.
     */
    public static void onlyTowardsPrivacyOnceWritten(IdentityMode from, boolean countryBefore, IdentityMode to,
                                                     boolean countryAfter, boolean written) {
        if (!written) {
            return;
        }
        if (!to.isAtLeastAsPrivateAs(from)) {
            String message = "identityMode.onlyTowardsPrivacy." + from.name() + "." + to.name(); // names both modes
            throw Refusal.invalid(FIELD, message);
        }
        if (to == IdentityMode.PSEUDONYMOUS && from == IdentityMode.PSEUDONYMOUS && countryAfter && !countryBefore) {
            throw Refusal.invalid(FIELD, "identityMode.countryOnceWritten");
        }
    }

    /** A mode as a form or request names it (any case); an unknown one is a malformed request naming what fits. */
    public static IdentityMode parse(String value) {
        for (IdentityMode mode : IdentityMode.values()) {
            if (mode.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return mode;
            }
        }
        throw Refusal.badRequest("mode", "identityMode.unknown", value);
    }
}
