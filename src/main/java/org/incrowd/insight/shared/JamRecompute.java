package org.incrowd.insight.shared;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;
import org.incrowd.discussion.DiscussionEvents;
import org.incrowd.discussion.PostFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The scaffolding of one kind of per-Jam analysis ({@code "opinions"}, {@code "themes"}) that is kept current without
 * recomputing once per change: changes mark their Jam, and debounced passes recompute the marked Jams, each under a
 * lease of its own so that one node at a time recomputes it; a Jam another node is busy with waits for the next pass.
 * <p>
 * On one node, a pass and a manual {@link #recompute} never run at once: the lease alone cannot ensure that, because
 * a node already holding a lease gets it again. Whichever comes second steps back: a pass leaves its Jams marked for
 * the next pass, a manual recompute marks its Jam and says the analysis is busy. So each kind uses at most one thread
 * per node and pages stay responsive.
 * <p>
 * A Jam whose last recompute took long is left marked by the passes until that recompute's {@code share} of the time
 * is kept ({@link RecomputeBudget}): the cost of a recompute grows with the Jam, and new posts are placed at once in
 * the last result anyway, so a large live Jam's analysis comes less often rather than taking ever more of the node.
 * An organiser's {@link #recompute} is never held back.
 * <p>
 * A subclass names the changes of its own kind (reactions, posts), schedules {@link #pass} at its own debounce period
 * and does the work in {@link #recomputeNow}.
 */
public abstract class JamRecompute {

    private static final Logger log = LoggerFactory.getLogger(JamRecompute.class);

    private final String kind;
    private final Leases leases;
    private final Duration lease;
    private final PostFeed discussion;
    private final LongPredicate hasResult;
    private final Set<Long> changed = ConcurrentHashMap.newKeySet();
    private final ReentrantLock running = new ReentrantLock();
    private final RecomputeBudget budget;

    /**
     * {@code lease}: far longer than one recompute at Jam scale, short enough that a dead node's lease frees soon;
     * {@code hasResult}: whether a Jam already has a stored result of this kind (Jams without one catch up at start);
     * {@code share}: the most of the time one Jam's recompute may run, from the setting {@code
     * incrowd.<kind>.recompute-share}.
     */
    protected JamRecompute(String kind, Leases leases, Duration lease, PostFeed discussion,
                           LongPredicate hasResult, double share) {
        this(kind, leases, lease, discussion, hasResult, share, System::nanoTime);
    }

    /** {@code nanoTime}: the clock that times recomputes (tests pass their own). */
    JamRecompute(String kind, Leases leases, Duration lease, PostFeed discussion, LongPredicate hasResult,
                 double share, LongSupplier nanoTime) {
        this.kind = kind;
        this.leases = leases;
        this.lease = lease;
        this.discussion = discussion;
        this.hasResult = hasResult;
        this.budget = new RecomputeBudget("incrowd." + kind + ".recompute-share", share, nanoTime);
    }

    /** Recomputes a Jam's analysis: the whole Jam and each forum. Called under the Jam's lease, one at a time. */
    protected abstract void recomputeNow(long jamId);

    protected final void changed(long jamId) {
        changed.add(jamId);
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(DiscussionEvents.ConversationImported imported) {
        changed(imported.jamId());
    }

    /** A hidden post leaves the analysis, a restored one comes back, a moved thread changes its forum's share. */
    @TransactionalEventListener(fallbackExecution = true)
    public void on(DiscussionEvents.PostHidden hidden) {
        changed(hidden.jamId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(DiscussionEvents.PostRestored restored) {
        changed(restored.jamId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(DiscussionEvents.ThreadMoved moved) {
        changed(moved.jamId());
    }

    /** Jams with posts but no result yet (new installation, demo content, an import) get one at the first pass. */
    @EventListener(ApplicationReadyEvent.class)
    public void catchUp() {
        discussion.jamsWithPosts().stream().filter(jamId -> !hasResult.test(jamId)).forEach(this::changed);
    }

    /**
     * One pass: recomputes every changed Jam whose last recompute's share of the time is kept; a failure is logged and
     * the other Jams still get their turn. While a manual recompute runs on this node the pass is skipped, and the
     * changed Jams wait for the next one; so does a Jam still within its wait.
     */
    protected final void pass() {
        if (!running.tryLock()) {
            return;
        }
        try {
            for (Long jamId : List.copyOf(changed)) {
                if (budget.waiting(jamId)) {
                    continue; // stays marked for a later pass
                }
                changed.remove(jamId);
                try {
                    if (!underLease(jamId)) {
                        changed.add(jamId); // another node is at it; look again next pass
                    }
                } catch (RuntimeException e) {
                    log.error("The {} of Jam {} could not be recomputed", kind, jamId, e);
                }
            }
        } finally {
            running.unlock();
        }
    }

    /**
     * Recomputes a Jam now, for an organiser who should not wait for the next pass. False when this node is already
     * recomputing (the Jam is then marked, so the next pass brings it up to date) or another node holds the lease.
     */
    public final boolean recompute(long jamId) {
        if (!running.tryLock()) {
            changed(jamId);
            return false;
        }
        try {
            return underLease(jamId);
        } finally {
            running.unlock();
        }
    }

    private boolean underLease(long jamId) {
        String name = kind + ":" + jamId;
        if (!leases.acquire(name, lease)) {
            return false;
        }
        long started = budget.start();
        try {
            recomputeNow(jamId);
            return true;
        } finally {
            budget.spent(jamId, started); // a failed recompute took its time too
            leases.release(name);
        }
    }
}
