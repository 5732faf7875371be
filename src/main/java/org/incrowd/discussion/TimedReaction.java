package org.incrowd.discussion;

import java.time.Instant;

/** One person's reaction to a post, with its time: what open-data exports carry, one row at a time. */
public record TimedReaction(long postId, long forumId, long personId, ReactionKind kind, Instant reactedAt) {
}
