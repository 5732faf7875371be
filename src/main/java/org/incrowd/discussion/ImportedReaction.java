package org.incrowd.discussion;

import java.time.Instant;

/** A vote from another system that becomes a reaction on an imported idea. */
public record ImportedReaction(long postId, long personId, ReactionKind kind, Instant reactedAt) {
}
