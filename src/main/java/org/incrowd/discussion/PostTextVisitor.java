package org.incrowd.discussion;

import java.time.Instant;

/** Receives a Jam's posts one at a time, as text for analysis, so that a large Jam is never held as objects. */
@FunctionalInterface
public interface PostTextVisitor {

    /** {@code text} is the title (for ideas) and the body, as the author wrote them. */
    void visit(long postId, long forumId, long authorId, Instant createdAt, String text);
}
