package org.incrowd.insight.opinions;

import java.time.Instant;
import java.util.List;
import org.incrowd.insight.opinions.algorithm.MinorityPosition;
import org.incrowd.insight.opinions.algorithm.OpinionGroup;
import org.incrowd.insight.opinions.algorithm.OpinionResult;
import org.incrowd.insight.opinions.algorithm.Placement;
import org.incrowd.insight.opinions.algorithm.StatementStanding;
import org.incrowd.insight.shared.GroupProfile;

/**
 * A stored opinion map: the pipeline's result for a Jam ({@code forumId} {@link #WHOLE_JAM}) or one forum, with who
 * is in each group, at the time it was computed. Participants are person ids, statements are post ids.
 */
public record OpinionSnapshot(long jamId, long forumId, Instant computedAt, int participants, int statements,
                              long votes, List<Placement> placements, List<OpinionGroup> groups,
                              List<GroupProfile> profiles, List<StatementStanding> consensus,
                              List<StatementStanding> divisive, List<MinorityPosition> minority,
                              List<StatementStanding> bridging) {

    public static final long WHOLE_JAM = 0;

    /** No map yet: nobody has reacted, or the first computation has not run. */
    static final OpinionSnapshot EMPTY = new OpinionSnapshot(0, WHOLE_JAM, null, 0, 0, 0, List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of(), List.of());

    static OpinionSnapshot of(long jamId, long forumId, Instant computedAt, OpinionResult result,
                              List<GroupProfile> profiles) {
        return new OpinionSnapshot(jamId, forumId, computedAt, result.participants(), result.statements(),
                result.votes(), result.placements(), result.groups(), profiles, result.consensus(),
                result.divisive(), result.minority(), result.bridging());
    }

    /** Where a person sits, if they have reacted in this scope. Placements are ordered by participant key. */
    public java.util.Optional<Placement> placementOf(long personId) {
        int low = 0;
        int high = placements.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long key = placements.get(middle).participant();
            if (key < personId) {
                low = middle + 1;
            } else if (key > personId) {
                high = middle - 1;
            } else {
                return java.util.Optional.of(placements.get(middle));
            }
        }
        return java.util.Optional.empty();
    }

    /** What the map weighs in memory, in the things a Jam has many of: people placed and statements ranked. */
    int elements() {
        return placements.size() + bridging.size();
    }

    public int groupedParticipants() {
        return groups.stream().mapToInt(OpinionGroup::size).sum();
    }
}
