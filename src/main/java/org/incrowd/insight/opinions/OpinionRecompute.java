package org.incrowd.insight.opinions;

import com.github.benmanes.caffeine.cache.Cache;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.incrowd.discussion.DiscussionEvents;
import org.incrowd.discussion.PostFeed;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.insight.OpinionMapsRecomputed;
import org.incrowd.insight.opinions.algorithm.HistoryCheckpoint;
import org.incrowd.insight.opinions.algorithm.MissingVotes;
import org.incrowd.insight.opinions.algorithm.OpinionAnalysis;
import org.incrowd.insight.opinions.algorithm.OpinionResult;
import org.incrowd.insight.opinions.algorithm.OpinionSettings;
import org.incrowd.insight.opinions.algorithm.VoteHistory;
import org.incrowd.insight.shared.JamRecompute;
import org.incrowd.insight.shared.Leases;
import org.incrowd.insight.shared.NodeCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps opinion maps current without recomputing once per vote: reactions mark their Jam as changed, and every
 * debounce period one background pass recomputes the changed Jams (the whole Jam and each forum) on whichever node
 * holds the Jam's lease. Passes and an organiser's "recompute now" never overlap on a node ({@link JamRecompute}), so
 * analysis uses at most one thread per node and pages stay responsive.
 *
 * <p>The groups are those the Jam's history made (ADR 55), exactly as {@code ./incrowd analyse opinions} computes
 * them from the same votes and times: the reactions are replayed hour by hour. Each scope keeps where its last replay
 * stood at the end of its last full hour ({@link HistoryCheckpoint}), so a pass replays only the hours since. The
 * checkpoints are kept in the database too ({@link HistoryCheckpoints}): a node without them in memory (a restart,
 * another node taking the lease) resumes from the stored ones, or from the first reaction when none fits, and reaches
 * the same map either way.
 */
@Component
class OpinionRecompute extends JamRecompute {

    private static final Logger log = LoggerFactory.getLogger(OpinionRecompute.class);
    /** Far longer than a recompute at Jam scale (seconds), short enough that a dead node's lease frees soon. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final PostFeed discussion;
    private final OpinionSnapshots snapshots;
    private final GroupProfiles profiles;
    private final HistoryCheckpoints stored;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Where each scope's last replay stood, so that the next starts there (or at the first vote, if dropped). */
    private final Cache<String, HistoryCheckpoint> previous = NodeCache.weighing(OpinionSnapshots.KEPT_ELEMENTS,
            checkpoint -> checkpoint.size() + 1);

    /** {@code share}: the most of the time one Jam's recompute may run ({@link JamRecompute}). */
    OpinionRecompute(PostFeed discussion, OpinionSnapshots snapshots, GroupProfiles profiles,
                     HistoryCheckpoints stored, Leases leases, ApplicationEventPublisher events, Clock clock,
                     @Value("${incrowd.opinions.recompute-share:0.1}") double share) {
        super("opinions", leases, LEASE, discussion,
                jamId -> snapshots.computedAt(jamId, OpinionSnapshot.WHOLE_JAM).isPresent(), share);
        this.discussion = discussion;
        this.snapshots = snapshots;
        this.profiles = profiles;
        this.stored = stored;
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
            var result = analyse(jamId, forumId, entry.getValue().build());
            snapshots.save(OpinionSnapshot.of(jamId, forumId, computedAt, result, profiles.of(result)));
            scopes++;
        }
        events.publishEvent(new OpinionMapsRecomputed(jamId, computedAt));
        log.info("Opinion maps of Jam {} recomputed ({} maps) in {} ms", jamId, scopes,
                (System.nanoTime() - started) / 1_000_000);
    }

    private OpinionResult analyse(long jamId, long forumId, VoteHistory votes) {
        String scope = jamId + ":" + forumId;
        var from = previous.getIfPresent(scope);
        boolean fromStored = from == null;
        if (fromStored) {
            from = stored.load(jamId, forumId, OpinionSettings.DEFAULT, MissingVotes.STATEMENT_AVERAGE);
        }
        OpinionAnalysis.Replayed replayed;
        try {
            replayed = OpinionAnalysis.history(votes, OpinionSettings.DEFAULT, MissingVotes.STATEMENT_AVERAGE, from);
        } catch (UncheckedIOException unreadable) {
            if (!fromStored) {
                throw unreadable;
            }
            stored.dropUnreadable(jamId, forumId, unreadable);
            replayed = OpinionAnalysis.history(votes, OpinionSettings.DEFAULT, MissingVotes.STATEMENT_AVERAGE, null);
        }
        if (replayed.checkpoint() == null) {
            previous.invalidate(scope);
        } else {
            previous.put(scope, replayed.checkpoint());
        }
        stored.keep(jamId, forumId, replayed.checkpoint());
        log.debug("Opinion map {} replayed {} hours", scope, replayed.replayedHours());
        return replayed.result();
    }

    /** Forget where the replays stood in memory, as a restart does (tests); the stored checkpoints stay. */
    void forgetCheckpoints() {
        previous.invalidateAll();
    }

    /** The timed votes of the whole Jam and of each forum, filled in a single pass over the Jam's reactions. */
    private Map<Long, VoteHistory.Builder> readVotes(long jamId) {
        var whole = VoteHistory.builder();
        var byForum = new HashMap<Long, VoteHistory.Builder>();
        discussion.forEachReactionWithTime(jamId, (forumId, postId, personId, kind, reactedAt) -> {
            int value = value(kind);
            whole.vote(personId, postId, value, reactedAt);
            byForum.computeIfAbsent(forumId, f -> VoteHistory.builder()).vote(personId, postId, value, reactedAt);
        });
        var all = new TreeMap<Long, VoteHistory.Builder>(byForum);
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
