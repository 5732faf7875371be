package org.incrowd.insight.opinions;

import java.util.List;
import org.incrowd.discussion.IdeaRanking;
import org.incrowd.insight.opinions.algorithm.StatementStanding;
import org.springframework.stereotype.Component;

/** Offers the forum's latest bridging ranking (support across opinion groups) as an order for its ideas. */
@Component
class BridgingRanking implements IdeaRanking {

    private final OpinionSnapshots snapshots;

    BridgingRanking(OpinionSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public String key() {
        return "bridging";
    }

    @Override
    public String labelKey() {
        return "forum.order.bridging";
    }

    @Override
    public List<Long> rank(long jamId, long forumId) {
        return snapshots.latest(jamId, forumId)
                .map(map -> map.bridging().stream().map(StatementStanding::statement).toList())
                .orElse(List.of());
    }
}
