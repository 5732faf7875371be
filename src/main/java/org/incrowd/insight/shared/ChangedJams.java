package org.incrowd.insight.shared;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jams whose analysis of one kind ({@code "opinions"}, {@code "themes"}) is out of date, and the way they are
 * worked off: in debounced passes, each Jam under a lease of its own, so that one node at a time recomputes it and a
 * Jam another node is busy with waits for the next pass.
 */
public final class ChangedJams {

    private static final Logger log = LoggerFactory.getLogger(ChangedJams.class);

    private final String kind;
    private final Leases leases;
    private final Duration lease;
    private final Set<Long> changed = ConcurrentHashMap.newKeySet();

    /** {@code lease}: far longer than one recompute at Jam scale, short enough that a dead node's lease frees soon. */
    public ChangedJams(String kind, Leases leases, Duration lease) {
        this.kind = kind;
        this.leases = leases;
        this.lease = lease;
    }

    public void mark(long jamId) {
        changed.add(jamId);
    }

    public void markAll(Collection<Long> jamIds) {
        changed.addAll(jamIds);
    }

    /** One pass: recomputes every changed Jam; a failure is logged and the other Jams still get their turn. */
    public void pass(LongConsumer recompute) {
        for (Long jamId : List.copyOf(changed)) {
            changed.remove(jamId);
            try {
                if (!underLease(jamId, recompute)) {
                    changed.add(jamId); // another node is at it; look again next pass
                }
            } catch (RuntimeException e) {
                log.error("The {} of Jam {} could not be recomputed", kind, jamId, e);
            }
        }
    }

    /** Recomputes a Jam now if this node gets its lease; false when another node holds it. */
    public boolean underLease(long jamId, LongConsumer recompute) {
        String name = kind + ":" + jamId;
        if (!leases.acquire(name, lease)) {
            return false;
        }
        try {
            recompute.accept(jamId);
            return true;
        } finally {
            leases.release(name);
        }
    }
}
