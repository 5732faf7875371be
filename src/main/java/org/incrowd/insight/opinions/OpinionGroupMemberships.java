package org.incrowd.insight.opinions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.incrowd.insight.OpinionMemberships;
import org.incrowd.insight.opinions.algorithm.Placement;
import org.springframework.stereotype.Component;

/** The stored opinion maps' groups, for the insight module's public {@link OpinionMemberships}. */
@Component
class OpinionGroupMemberships implements OpinionMemberships {

    private final OpinionSnapshots snapshots;

    OpinionGroupMemberships(OpinionSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public Optional<Groups> of(long jamId, long forumId) {
        return snapshots.latest(jamId, forumId).map(map -> new Groups() {

            private final List<Group> groups = map.groups().stream().map(g -> new Group(g.id(), g.size())).toList();

            @Override
            public Instant computedAt() {
                return map.computedAt();
            }

            @Override
            public List<Group> groups() {
                return groups;
            }

            @Override
            public int groupOf(long personId) {
                return map.placementOf(personId).map(Placement::group).orElse(UNGROUPED);
            }
        });
    }
}
