package org.incrowd.insight.shared;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Stored snapshots of one kind, parsed once per node and kept until a newer one is stored. Pages ask the database
 * only for a snapshot's time, so a Jam-sized snapshot does not cost a page view its parse; another node's newer
 * snapshot is noticed by its time. What is kept is bounded ({@link NodeCache}): a snapshot dropped for room is
 * parsed again when next asked for.
 */
public final class ParsedSnapshots<T> {

    private record Scope(long jamId, long forumId) {
    }

    /** The finest time the databases keep: microseconds. */
    private static final Duration DATABASE_PRECISION = Duration.ofNanos(1_000);

    private final Cache<Scope, T> parsed;
    private final Function<T, Instant> computedAtOf;

    /**
     * {@code elements}: what a snapshot weighs (its placements, its posts); {@code maxElements}: how much this node
     * keeps of them in all.
     */
    public ParsedSnapshots(Function<T, Instant> computedAtOf, ToIntFunction<T> elements, long maxElements) {
        this.computedAtOf = computedAtOf;
        this.parsed = NodeCache.weighing(maxElements, elements);
    }

    /** Keeps a snapshot this node has just stored. */
    public void keep(long jamId, long forumId, T snapshot) {
        parsed.put(new Scope(jamId, forumId), snapshot);
    }

    /**
     * The latest snapshot of a scope: the kept one while it is the one stored at {@code storedAt}, otherwise the
     * stored one, read and parsed by {@code read}. Empty when none is stored.
     */
    public Optional<T> latest(long jamId, long forumId, Optional<Instant> storedAt, Supplier<Optional<T>> read) {
        var scope = new Scope(jamId, forumId);
        if (storedAt.isEmpty()) {
            parsed.invalidate(scope);
            return Optional.empty();
        }
        var cached = parsed.getIfPresent(scope);
        if (cached != null && sameTime(computedAtOf.apply(cached), storedAt.get())) {
            return Optional.of(cached);
        }
        var fresh = read.get();
        fresh.ifPresent(snapshot -> parsed.put(scope, snapshot));
        return fresh;
    }

    /**
     * Whether the kept snapshot is the stored one: the snapshot carries its clock's nanoseconds, the database keeps
     * microseconds (PostgreSQL rounds them, H2 may cut them), so an exact comparison never held and every page view
     * parsed the snapshot again. Two snapshots of one scope are never computed within the same microsecond.
     */
    private static boolean sameTime(Instant kept, Instant stored) {
        return Duration.between(kept, stored).abs().compareTo(DATABASE_PRECISION) < 0;
    }

    /** How many elements the kept snapshots weigh now (at most the bound given). */
    public long keptElements() {
        parsed.cleanUp();
        return parsed.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }
}
