package org.incrowd.insight;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A Jam's or forum's opinion groups and who is in each, for exports written on no one's behalf: the caller checks
 * the reader and decides how people are named (the groups hold person ids).
 */
public interface OpinionMemberships {

    /** The whole Jam rather than one forum. */
    long WHOLE_JAM = 0;

    /** No group: the person reacted too little to be placed, or not at all. */
    int UNGROUPED = -1;

    /** A group: 0, 1, 2 ... largest first, with its size. */
    record Group(int id, int size) {
    }

    /** The stored opinion map of one scope; {@link #groupOf} answers from it without reading reactions. */
    interface Groups {

        Instant computedAt();

        List<Group> groups();

        /** The person's group, or {@link #UNGROUPED}. */
        int groupOf(long personId);
    }

    /** Empty before the first computation of this scope. */
    Optional<Groups> of(long jamId, long forumId);
}
