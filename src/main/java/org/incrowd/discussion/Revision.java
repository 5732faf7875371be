package org.incrowd.discussion;

import java.time.Instant;

/** An earlier version of a post, kept when it was edited. */
public record Revision(String title, String body, Instant replacedAt) {
}
