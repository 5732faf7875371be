package org.incrowd.insight.opinions;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.incrowd.discussion.DiscussionEvents;
import org.incrowd.discussion.PostFeed;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.insight.OpinionMapsRecomputed;
import org.incrowd.insight.opinions.algorithm.OpinionAnalysis;
import org.incrowd.insight.opinions.algorithm.OpinionResult;
import org.incrowd.insight.opinions.algorithm.OpinionSettings;
import org.incrowd.insight.opinions.algorithm.VoteMatrix;
import org.incrowd.insight.shared.ChangedJams;
import org.incrowd.insight.shared.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps opinion maps current without recomputing once per vote: reactions mark their Jam as changed, and every
 * debounce period one background pass recomputes the changed Jams (the whole Jam and each forum) on whichever node
 * holds the Jam's lease. Scheduled passes never overlap, so analysis uses at most one thread per node and pages stay
 * responsive.
 */
@Component
class OpinionRecompute {

    private static final Logger log = LoggerFactory.getLogger(OpinionRecompute.class);
    /** Far longer than a recompute at Jam scale (seconds), short enough that a dead node's lease frees soon. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final PostFeed discussion;
    private final OpinionSnapshots snapshots;
    private final GroupProfiles profiles;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ChangedJams changed;
    /** The last result per scope on this node, so that the next run can start from its model. */
    private final Map<String, OpinionResult> previous = new ConcurrentHashMap<>();

    OpinionRecompute(PostFeed discussion, OpinionSnapshots snapshots, GroupProfiles profiles, Leases leases,
                     ApplicationEventPublisher events, Clock clock) {
        this.discussion = discussion;
        this.snapshots = snapshots;
        this.profiles = profiles;
        this.changed = new ChangedJams("opinions", leases, LEASE);
        this.events = events;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DiscussionEvents.ReactionCast cast) {
        changed.mark(cast.jamId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DiscussionEvents.ReactionWithdrawn withdrawn) {
        changed.mark(withdrawn.jamId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DiscussionEvents.ConversationImported imported) {
        changed.mark(imported.jamId());
    }

    /** A hidden post leaves the analysis, a restored one comes back, a moved thread changes its forum's share. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(DiscussionEvents.PostHidden hidden) {
        changed.mark(hidden.jamId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DiscussionEvents.PostRestored restored) {
        changed.mark(restored.jamId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DiscussionEvents.ThreadMoved moved) {
        changed.mark(moved.jamId());
    }

    /** Jams with posts but no map yet (new installation, demo content, an import) get one at the first pass. */
    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        discussion.jamsWithPosts().stream()
                .filter(jamId -> snapshots.computedAt(jamId, OpinionSnapshot.WHOLE_JAM).isEmpty())
                .forEach(changed::mark);
    }

    @Scheduled(initialDelayString = "${incrowd.opinions.debounce-ms:15000}",
            fixedDelayString = "${incrowd.opinions.debounce-ms:15000}")
    void recomputeChanged() {
        changed.pass(this::recomputeNow);
    }

    /** Recomputes a Jam's maps now if this node gets the lease; false when another node holds it. */
    boolean recompute(long jamId) {
        return changed.underLease(jamId, this::recomputeNow);
    }

    private void recomputeNow(long jamId) {
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
        var before = previous.get(scope);
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
