package org.incrowd.discussion;

/**
 * Receives a Jam's reactions with the moment each was cast (milliseconds since the epoch), one at a time, so that a
 * 5-million-reaction Jam is never held as objects.
 */
@FunctionalInterface
public interface TimedReactionVisitor {

    void visit(long forumId, long postId, long personId, ReactionKind kind, long reactedAtMillis);
}
