package org.incrowd.discussion;

import java.time.Instant;

/** A co-author of an idea: someone who joined its team to develop it with its author. */
public record TeamMember(long personId, String name, Instant joinedAt) {

    /** "Ana, Ben, Chen": a team in one line, for lists and tables. */
    public static String names(java.util.List<TeamMember> team) {
        return String.join(", ", team.stream().map(TeamMember::name).toList());
    }
}
