package org.incrowd.jam;

/**
 * What became of an invitation. {@link #SENT} and {@link #BOUNCED} follow the mail; an invitation not accepted by its
 * expiry is shown {@link #EXPIRED} (computed when read, so no job has to mark it).
 */
public enum InvitationState {
    /** On the list, no link sent yet (addresses of the list from before invitations had links). */
    WAITING,
    SENT,
    BOUNCED,
    ACCEPTED,
    REVOKED,
    EXPIRED;

    public String messageKey() {
        return "invitation.state." + name();
    }

    /** Still waiting for its person: these are the ones a reminder goes to. */
    public boolean notYet() {
        return this == WAITING || this == SENT || this == EXPIRED;
    }
}
