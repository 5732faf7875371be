package org.incrowd.insight.opinions;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.incrowd.discussion.DiscussionEvents;
import org.incrowd.discussion.PostFeed;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.insight.OpinionMapsRecomputed;
import org.incrowd.insight.opinions.algorithm.OpinionAnalysis;
import org.incrowd.insight.opinions.algorithm.OpinionResult;
import org.incrowd.insight.opinions.algorithm.OpinionSettings;
import org.incrowd.insight.opinions.algorithm.VoteMatrix;
import org.incrowd.insight.shared.JamRecompute;
import org.incrowd.insight.shared.Leases;
import org.incrowd.insight.shared.NodeCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps opinion maps current without recomputing once per vote: reactions mark their Jam as changed, and every
 * debounce period one background pass recomputes the changed Jams (the whole Jam and each forum) on whichever node
 * holds the Jam's lease. Passes and an organiser's "recompute now" never overlap on a node ({@link JamRecompute}), so
 * analysis uses at most one thread per node and pages stay responsive.
 */
@Component
class OpinionRecompute extends JamRecompute {

    private static final Logger log = LoggerFactory.getLogger(OpinionRecompute.class);
    /** Far longer than a recompute at Jam scale (seconds), short enough that a dead node's lease frees soon. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final PostFeed discussion;
    private final OpinionSnapshots snapshots;
    private final GroupProfiles profiles;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** The last result per scope on this node, so that the next run can start from its model (or afresh, if dropped). */
    private final Cache<String, OpinionResult> previous = NodeCache.weighing(OpinionSnapshots.KEPT_ELEMENTS,
            result -> result.placements().size() + result.statements());

    OpinionRecompute(PostFeed discussion, OpinionSnapshots snapshots, GroupProfiles profiles, Leases leases,
                     ApplicationEventPublisher events, Clock clock) {
        super("opinions", leases, LEASE, discussion,
                jamId -> snapshots.computedAt(jamId, OpinionSnapshot.WHOLE_JAM).isPresent());
        this.discussion = discussion;
        this.snapshots = snapshots;
        this.profiles = profiles;
        this.events = events;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DiscussionEvents.ReactionCast cast) {
        changed(cast.jamId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DiscussionEvents.ReactionWithdrawn withdrawn) {
        changed(withdrawn.jamId());
    }

    /** A join moved reactions from one idea to another: the votes behind the map changed. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(DiscussionEvents.ReactionsMoved moved) {
        changed(moved.jamId());
    }

    @Scheduled(initialDelayString = "${incrowd.opinions.debounce-ms:15000}",
            fixedDelayString = "${incrowd.opinions.debounce-ms:15000}")
    void recomputeChanged() {
        pass();
    }

    @Override
    protected void recomputeNow(long jamId) {
        long started = System.nanoTime();
        var matrices = readVotes(jamId);
        var computedAt = clock.instant();
        int scopes = 0;
        for (var entry : matrices.entrySet()) {
            long forumId = entry.getKey();
            var result = analyse(jamId + ":" + forumId, entry.getValue().build());
            snapshots.save(OpinionSnapshot.of(jamId, forumId, computedAt, result, profiles.of(result)));
            scopes++;
        }
        events.publishEvent(new OpinionMapsRecomputed(jamId, computedAt));
        log.info("Opinion maps of Jam {} recomputed ({} maps) in {} ms", jamId, scopes,
                (System.nanoTime() - started) / 1_000_000);
    }

    private OpinionResult analyse(String scope, VoteMatrix votes) {
        var before = previous.getIfPresent(scope);
        var result = before == null
                ? OpinionAnalysis.analyse(votes, OpinionSettings.DEFAULT)
                : OpinionAnalysis.update(before, votes, OpinionSettings.DEFAULT);
        previous.put(scope, result);
        return result;
    }

    /** One vote matrix for the whole Jam and one per forum, filled in a single pass over the Jam's reactions. */
    private Map<Long, VoteMatrix.Builder> readVotes(long jamId) {
        var whole = VoteMatrix.builder();
        var byForum = new HashMap<Long, VoteMatrix.Builder>();
        discussion.forEachReaction(jamId, (forumId, postId, personId, kind) -> {
            int value = value(kind);
            whole.vote(personId, postId, value);
            byForum.computeIfAbsent(forumId, f -> VoteMatrix.builder()).vote(personId, postId, value);
        });
        var all = new TreeMap<Long, VoteMatrix.Builder>(byForum);
        all.put(OpinionSnapshot.WHOLE_JAM, whole);
        return all;
    }

    private static int value(ReactionKind kind) {
        return switch (kind) {
            case AGREE -> 1;
            case DISAGREE -> -1;
            case PASS -> 0;
        };
    }
}
