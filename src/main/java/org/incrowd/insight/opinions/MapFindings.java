package org.incrowd.insight.opinions;

import java.util.Collections;
import org.incrowd.insight.OpinionFindings;
import org.incrowd.insight.opinions.algorithm.RepresentativeStatement;
import org.incrowd.insight.opinions.algorithm.Stance;
import org.springframework.stereotype.Component;

/** The latest opinion map of a Jam for the insight module's public {@link OpinionFindings}. */
@Component
class MapFindings implements OpinionFindings {

    private final OpinionSnapshots snapshots;

    MapFindings(OpinionSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public Map of(long jamId) {
        var map = snapshots.latest(jamId, OpinionSnapshot.WHOLE_JAM).orElse(null);
        if (map == null) {
            return Map.EMPTY;
        }
        var groups = map.groups().stream().map(group -> new Group(group.id(), OpinionFindings.groupName(group.id()),
                group.size(), group.representative().stream().map(RepresentativeStatement::statement).toList()))
                .toList();
        var commonGround = map.consensus().stream().map(standing -> {
            int least = OpinionPage.percent(standing.shareByGroup().isEmpty() ? 0
                    : Collections.min(standing.shareByGroup()));
            return new Statement(standing.statement(), standing.stance() == Stance.AGREE, null, least, least);
        }).toList();
        var minority = map.minority().stream().map(position -> new Statement(position.statement(),
                position.stance() == Stance.AGREE, position.group(), OpinionPage.percent(position.groupShare()),
                OpinionPage.percent(position.othersShare()))).toList();
        return new Map(groups, commonGround, minority);
    }
}
