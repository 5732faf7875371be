package org.incrowd.insight.shared;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Stored snapshots of one kind, parsed once per node and kept until a newer one is stored. Pages ask the database
 * only for a snapshot's time, so a Jam-sized snapshot does not cost a page view its parse; another node's newer
 * snapshot is noticed by its time.
 */
public final class ParsedSnapshots<T> {

    private record Scope(long jamId, long forumId) {
    }

    private final Map<Scope, T> parsed = new ConcurrentHashMap<>();
    private final Function<T, Instant> computedAtOf;

    public ParsedSnapshots(Function<T, Instant> computedAtOf) {
        this.computedAtOf = computedAtOf;
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
            parsed.remove(scope);
            return Optional.empty();
        }
        var cached = parsed.get(scope);
        if (cached != null && computedAtOf.apply(cached).equals(storedAt.get())) {
            return Optional.of(cached);
        }
        var fresh = read.get();
        fresh.ifPresent(snapshot -> parsed.put(scope, snapshot));
        return fresh;
    }
}
