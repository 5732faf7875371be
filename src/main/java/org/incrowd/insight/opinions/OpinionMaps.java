package org.incrowd.insight.opinions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.Reading;
import org.incrowd.discussion.Post;
import org.incrowd.identity.Actor;
import org.incrowd.insight.opinions.algorithm.OpinionSettings;
import org.incrowd.insight.opinions.algorithm.Placement;
import org.incrowd.insight.opinions.algorithm.RepresentativeStatement;
import org.incrowd.insight.opinions.algorithm.StatementStanding;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.springframework.stereotype.Service;

/** Reads opinion maps for the people allowed to see them: everyone who may read the Jam. */
@Service
class OpinionMaps {

    /** Raw-count list shown beside the bridging ranking; the same length keeps the comparison fair. */
    static final int RANKING_SIZE = 10;

    private final JamService jams;
    private final Reading discussion;
    private final OpinionSnapshots snapshots;

    OpinionMaps(JamService jams, Reading discussion, OpinionSnapshots snapshots) {
        this.jams = jams;
        this.discussion = discussion;
        this.snapshots = snapshots;
    }

    OpinionSnapshot requireSnapshotOfJam(Actor actor, long jamId) {
        jams.require(actor, jamId);
        return snapshots.latest(jamId, OpinionSnapshot.WHOLE_JAM).orElse(null);
    }

    OpinionSnapshot requireSnapshotOfForum(Actor actor, long forumId) {
        var place = jams.requireForum(actor, forumId);
        return snapshots.latest(place.jam().id(), forumId).orElse(null);
    }

    /** Organisers may see every Jam; those they can see, they may run. */
    void requireOrganiser(Actor actor, long jamId) {
        jams.require(actor, jamId);
        if (!actor.canOrganise()) {
            throw org.incrowd.web.Refusal.forbidden("error.forbidden");
        }
    }

    OpinionPage ofJam(Actor actor, long jamId) {
        var jam = jams.require(actor, jamId);
        return page(actor, jam, null, snapshots.latest(jamId, OpinionSnapshot.WHOLE_JAM).orElse(null));
    }

    OpinionPage ofForum(Actor actor, long forumId) {
        var place = jams.requireForum(actor, forumId);
        return page(actor, place.jam(), place.forum(), snapshots.latest(place.jam().id(), forumId).orElse(null));
    }

    private OpinionPage page(Actor actor, Jam jam, Forum forum, OpinionSnapshot map) {
        var forums = jams.forums(actor, jam.id());
        var mostAgreed = discussion.mostAgreed(actor, jam.id(), forum == null ? null : forum.id(), RANKING_SIZE);
        if (map == null) {
            return new OpinionPage(jam, forum, forums, null, Map.of(), null, OpinionSettings.DEFAULT.minVotes(),
                    mostAgreed);
        }
        var statements = new LinkedHashMap<Long, Post>();
        discussion.find(actor, mentioned(map)).forEach(post -> statements.put(post.id(), post));
        var mine = map.placementOf(actor.personId()).orElse(null);
        return new OpinionPage(jam, forum, forums, map, statements, mine, votesNeeded(map, mine), mostAgreed);
    }

    /** The algorithm's own rule (it may also place a few of the most active people early, in a young map). */
    private static int votesNeeded(OpinionSnapshot map, Placement mine) {
        if (mine != null && mine.grouped()) {
            return 0;
        }
        int needed = OpinionSettings.DEFAULT.votesToBeGrouped(map.statements());
        return Math.max(1, needed - (mine == null ? 0 : mine.votes()));
    }

    private static List<Long> mentioned(OpinionSnapshot map) {
        var ids = new LinkedHashSet<Long>();
        map.groups().forEach(group -> group.representative().stream().map(RepresentativeStatement::statement)
                .forEach(ids::add));
        for (var list : List.of(map.consensus(), map.divisive(), bridgingTop(map))) {
            list.stream().map(StatementStanding::statement).forEach(ids::add);
        }
        map.minority().forEach(position -> ids.add(position.statement()));
        return new ArrayList<>(ids);
    }

    static List<StatementStanding> bridgingTop(OpinionSnapshot map) {
        return map.bridging().subList(0, Math.min(RANKING_SIZE, map.bridging().size()));
    }
}
