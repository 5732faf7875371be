package org.incrowd.discussion;

import java.time.Instant;

/**
 * An idea a colleague entered on someone's behalf, with their consent: "from Maria, night shift, depot 4 · entered
 * by Sam, with her consent". Until it is claimed its author is the entrant's account; {@code claimedById} is the
 * account that claimed it (then its author), null before.
 */
public record ProxyIdea(long ideaId, long jamId, String forName, String forPlace, ConsentHow consentHow,
                        long enteredById, String enteredByName, Instant enteredAt, Long claimedById,
                        Instant claimedAt) {

    public boolean claimed() {
        return claimedById != null;
    }
}
