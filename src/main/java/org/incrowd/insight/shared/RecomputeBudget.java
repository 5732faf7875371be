package org.incrowd.insight.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.incrowd.shared.SettingRejected;

/**
 * Keeps each Jam's recompute to a share of the time: a recompute that took {@code d} lets the next one of the same Jam
 * start no sooner than {@code d / share} after it started. With a share of 0.1 a 2 s recompute comes at most every
 * 20 s, a 6 s one every 60 s, so an analysis that grows with a live Jam does not take ever more of the node from pages
 * and posting; a small Jam's fast recompute is not held back (the debounce comes first).
 * <p>
 * Durations are wall time on a monotonic clock: a recompute that waits on the database counts that wait too, which
 * errs towards waiting longer. The record is this node's: a node that takes over a Jam's lease starts without one.
 */
final class RecomputeBudget {

    private final double share;
    private final LongSupplier nanoTime;
    /** Per Jam, the {@code nanoTime} before which its next recompute waits. */
    private final Map<Long, Long> notBefore = new ConcurrentHashMap<>();

    /** {@code share}: above 0, at most 1 (1 never holds a recompute back). */
    RecomputeBudget(String setting, double share, LongSupplier nanoTime) {
        if (!(share > 0 && share <= 1)) {
            throw new SettingRejected(setting, "must be above 0 and at most 1, not " + share);
        }
        this.share = share;
        this.nanoTime = nanoTime;
    }

    /** The time a recompute starts, to hand to {@link #spent}. */
    long start() {
        return nanoTime.getAsLong();
    }

    /** Records a recompute of the Jam that started at {@code started} (from {@link #start}) and has just ended. */
    void spent(long jamId, long started) {
        long took = nanoTime.getAsLong() - started;
        notBefore.put(jamId, started + (long) (took / share));
    }

    /** Whether the Jam's last recompute was recent for how long it took, so that a pass leaves it for later. */
    boolean waiting(long jamId) {
        Long until = notBefore.get(jamId);
        if (until == null) {
            return false;
        }
        if (nanoTime.getAsLong() - until < 0) {
            return true;
        }
        notBefore.remove(jamId, until); // past its wait: forget it, so the record holds only Jams recomputed lately
        return false;
    }
}
