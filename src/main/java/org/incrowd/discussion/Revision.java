package org.incrowd.discussion;

import java.time.Instant;

/**
 * An earlier version of a post, kept when it was edited. {@code editedBy} names who replaced it (the author, or a
 * member of an idea's team); null for edits made before the edit history recorded who.
 */
public record Revision(String title, String body, Instant replacedAt, String editedBy) {
}
