package org.incrowd.jam;

import org.incrowd.identity.ParticipantType;

/**
 * What a person reads before they write (ADR 42): how authors appear where they are about to post, and in a
 * pseudonymous forum the very pseudonym, participant type and (where allowed) country others will see. Guests and
 * named or anonymous forums carry the mode only.
 */
public record AuthorNotice(IdentityMode mode, String pseudonym, ParticipantType participantType, String country) {

    /** Whether the page should show the notice at all (named forums read as they always did). */
    public boolean shown() {
        return mode.hidesNames();
    }

    /** The message that says it, for a page about a {@code where} ("forum" or "jam"). */
    public String messageKey(String where) {
        String what = mode == IdentityMode.ANONYMOUS ? "anonymous" : pseudonym == null ? "pseudonymousGuest"
                : country == null ? "pseudonymous" : "pseudonymousCountry";
        return "authorNotice." + where + "." + what;
    }
}
