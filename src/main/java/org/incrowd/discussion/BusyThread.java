package org.incrowd.discussion;

/** A thread and how many posts it got in a stretch of time; {@code title} is its idea's title. */
public record BusyThread(long threadId, String title, long posts) {
}
