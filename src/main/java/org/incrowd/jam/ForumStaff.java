package org.incrowd.jam;

/** A person serving a forum as host or facilitator. */
public record ForumStaff(long forumId, long personId, String displayName, ForumRole role) {
}
