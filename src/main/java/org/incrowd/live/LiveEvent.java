package org.incrowd.live;

/**
 * One entry of the event log, as a browser receives it: the log id is the SSE id, {@code type} the SSE event name,
 * {@code payload} a small JSON object naming what changed.
 *
 * @param forumId null for events about the whole Jam
 * @param threadId null for events not about one thread
 */
public record LiveEvent(long id, long jamId, Long forumId, Long threadId, String type, String payload) {
}
