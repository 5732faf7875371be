package org.incrowd.review;

import java.time.Instant;

/**
 * A proposal to join two ideas of one Jam, and what became of it. A merge joins {@code ideaId} into {@code
 * otherId}, which survives; a link has no direction. Each author's consent is null until they answer; when both
 * ideas have one author, one answer counts for both.
 */
public record IdeaJoin(long id, long jamId, JoinKind kind, long ideaId, long otherId, long ideaAuthorId,
                       long otherAuthorId, String note, long proposedBy, Instant proposedAt, JoinState state,
                       Boolean ideaConsent, Boolean otherConsent, Instant doneAt, Instant endedAt) {

    public boolean isAuthor(long personId) {
        return personId == ideaAuthorId || personId == otherAuthorId;
    }

    /** Whether {@code personId} is an author who has not answered yet, while the proposal is open. */
    public boolean awaits(long personId) {
        return state == JoinState.PROPOSED && (personId == ideaAuthorId && ideaConsent == null
                || personId == otherAuthorId && otherConsent == null);
    }

    /** The business rule: both authors (one, when it is the same person) accepted. */
    public boolean consented() {
        return Boolean.TRUE.equals(ideaConsent) && Boolean.TRUE.equals(otherConsent);
    }

    /** The idea on the other side of the join from {@code ideaOnThisSide}. */
    public long otherThan(long ideaOnThisSide) {
        return ideaOnThisSide == ideaId ? otherId : ideaId;
    }
}
