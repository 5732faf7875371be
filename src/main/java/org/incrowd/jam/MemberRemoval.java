package org.incrowd.jam;

import java.time.Instant;

/**
 * The record of one person's removal from a Jam, for its organisers: who, when, by whom and why. {@code reason} is
 * null when their invitation was withdrawn; {@code liftedAt} is set once they were invited again.
 */
public record MemberRemoval(String name, String email, String removedByName, String reason, Instant removedAt,
                            Instant liftedAt) {

    public boolean invitationWithdrawn() {
        return reason == null;
    }
}
