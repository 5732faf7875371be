package org.incrowd.insight.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.ToIntFunction;

/**
 * The one policy for what a node keeps of Jam-scale objects (parsed snapshots, fitted models, last counts): a
 * Caffeine cache bounded by weight and dropping what nobody used for a while. Whatever is dropped is read or
 * computed again, so the bound costs time, never an answer; without it a node serving many Jams and forums would
 * keep every map it ever parsed until it ran out of memory.
 */
public final class NodeCache {

    /** Unused entries go after this long: a finished Jam's maps should not stay in memory for good. */
    public static final Duration IDLE = Duration.ofMinutes(30);

    private NodeCache() {}

    /**
     * A cache holding at most {@code maxElements} in all, where an entry weighs as many elements as
     * {@code elements} counts in it (placements, posts, statements: the things a Jam has many of). An entry heavier
     * than the whole bound is not kept.
     */
    public static <K, V> Cache<K, V> weighing(long maxElements, ToIntFunction<V> elements) {
        return Caffeine.newBuilder()
                .maximumWeight(maxElements)
                .weigher((K key, V value) -> Math.max(1, elements.applyAsInt(value)))
                .expireAfterAccess(IDLE)
                .executor(Runnable::run) // evicts on the caller's thread: a dropped map frees its memory at once
                .build();
    }

    /** A cache of at most {@code maxEntries} entries of about the same, modest size. */
    public static <K, V> Cache<K, V> counting(long maxEntries) {
        return Caffeine.newBuilder().maximumSize(maxEntries).expireAfterAccess(IDLE).executor(Runnable::run).build();
    }
}
