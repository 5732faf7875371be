package org.incrowd.discussion;

import java.time.Instant;

/** A statement from another system (a Pol.is comment) that becomes an idea; the title is made from its text. */
public record ImportedStatement(long authorId, String text, Instant createdAt) {
}
