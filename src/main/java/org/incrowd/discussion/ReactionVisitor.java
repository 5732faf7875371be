package org.incrowd.discussion;

/** Receives a Jam's reactions one at a time, so that a 5-million-reaction Jam is never held as objects. */
@FunctionalInterface
public interface ReactionVisitor {

    void visit(long forumId, long postId, long personId, ReactionKind kind);
}
