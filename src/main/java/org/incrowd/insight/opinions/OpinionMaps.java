package org.incrowd.insight.opinions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incrowd.discussion.Reacting;
import org.incrowd.discussion.Reading;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Actor;
import org.incrowd.insight.opinions.algorithm.OpinionSettings;
import org.incrowd.insight.opinions.algorithm.Placement;
import org.incrowd.insight.opinions.algorithm.RepresentativeStatement;
import org.incrowd.insight.opinions.algorithm.StatementStanding;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.incrowd.jam.Place;
import org.springframework.stereotype.Service;

/** Reads opinion maps for the people allowed to see them: everyone who may read the Jam. */
@Service
class OpinionMaps {

    /** Raw-count list shown beside the bridging ranking; the same length keeps the comparison fair. */
    static final int RANKING_SIZE = 10;
    /** Statements read at once, and at most, when looking for the next ones a reader has not reacted to. */
    private static final int NEXT_BATCH = 24;
    private static final int NEXT_READ_AT_MOST = 240;

    private final JamService jams;
    private final Reading discussion;
    private final Reacting reactions;
    private final OpinionSnapshots snapshots;

    OpinionMaps(JamService jams, Reading discussion, Reacting reactions, OpinionSnapshots snapshots) {
        this.jams = jams;
        this.discussion = discussion;
        this.reactions = reactions;
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
            throw org.incrowd.shared.Refusal.forbidden("error.forbidden");
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
                    mostAgreed, false, List.of());
        }
        var statements = new LinkedHashMap<Long, Post>();
        discussion.find(actor, mentioned(map)).forEach(post -> statements.put(post.id(), post));
        var mine = map.placementOf(actor.personId()).orElse(null);
        var reactable = reactable(actor, jam, forum == null ? forums : List.of(forum));
        return new OpinionPage(jam, forum, forums, map, statements, mine, votesNeeded(map, mine), mostAgreed,
                !reactable.isEmpty(), reactable.isEmpty() ? List.of() : next(actor, map, reactable));
    }

    /** The forums of this scope the reader may react in now (none when the Jam is closed, or they have not joined). */
    private Set<Long> reactable(Actor actor, Jam jam, List<Forum> forums) {
        var ids = new HashSet<Long>();
        forums.stream().filter(f -> jams.mayPost(actor, new Place(jam, f))).forEach(f -> ids.add(f.id()));
        return ids;
    }

    /**
     * The next few statements for the reader to react to ({@link NextStatements}): visible, not hidden, in a forum
     * they may react in, and not reacted to yet. Read in small batches, most useful first, so that a reader who has
     * reacted to much still gets an answer without every statement of the map being read.
     */
    private List<Post> next(Actor actor, OpinionSnapshot map, Set<Long> forums) {
        var candidates = NextStatements.byUsefulness(map);
        var next = new ArrayList<Post>();
        for (int start = 0; start < candidates.size() && start < NEXT_READ_AT_MOST
                && next.size() < NextStatements.OFFERED; start += NEXT_BATCH) {
            for (var post : discussion.find(actor, candidates.subList(start,
                    Math.min(candidates.size(), start + NEXT_BATCH)))) {
                if (next.size() < NextStatements.OFFERED && post.myReaction() == null
                        && !post.moderation().hidden() && forums.contains(post.forumId())) {
                    next.add(post);
                }
            }
        }
        return next;
    }

    /** Reacts for the reader to a statement offered on the map (the discussion's own rules apply). */
    void react(Actor actor, long postId, String kind) {
        reactions.react(actor, postId, java.util.Arrays.stream(ReactionKind.values())
                .filter(k -> k.name().equals(kind)).findFirst().orElse(null));
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
