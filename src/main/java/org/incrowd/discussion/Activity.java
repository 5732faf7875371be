package org.incrowd.discussion;

import java.time.Instant;

/**
 * One thing a person did in a Jam, as participation counts it: a post ({@code post}) or a reaction to a post of
 * {@code forumId}, at {@code at}. Hidden posts count too: the person took part all the same.
 */
public record Activity(long personId, long forumId, Instant at, boolean post) {
}
