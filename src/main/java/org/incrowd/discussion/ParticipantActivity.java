package org.incrowd.discussion;

/** How much one person wrote and reacted in a Jam (or a forum): the raw material of participation figures. */
public record ParticipantActivity(long personId, long posts, long reactions) {
}
