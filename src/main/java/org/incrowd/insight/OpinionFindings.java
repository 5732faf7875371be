package org.incrowd.insight;

import java.util.List;

/**
 * What a Jam's opinion map found, for modules that cite it: the groups, the common ground all groups share and the
 * positions a small group holds alone (the minority view a Jam report must show).
 */
public interface OpinionFindings {

    /**
     * An opinion group; the opinion map's anchor is {@code group-<id>}.
     *
     * @param name        A, B, C ... as on the opinion map
     * @param distinctive post ids of the statements that set the group apart, strongest first
     */
    record Group(int id, String name, int size, List<Long> distinctive) {
    }

    /**
     * A statement (a post) the map ranks.
     *
     * @param agree         whether the stance is agreeing (else disagreeing)
     * @param group         the group holding it (minority views), or null (common ground: every group)
     * @param percent       the share holding it: the holding group's, or the least convinced group's (common ground)
     * @param othersPercent everyone else's share (minority views), or the same as {@code percent}
     */
    record Statement(long postId, boolean agree, Integer group, int percent, int othersPercent) {
    }

    record Map(List<Group> groups, List<Statement> commonGround, List<Statement> minority) {

        public static final Map EMPTY = new Map(List.of(), List.of(), List.of());
    }

    /** The latest map of the whole Jam; {@link Map#EMPTY} before the first one. */
    Map of(long jamId);

    /** The map's name for a group (A, B, C ...). */
    static String groupName(int group) {
        return group < 26 ? String.valueOf((char) ('A' + group)) : "G" + (group + 1);
    }
}
