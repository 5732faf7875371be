package org.incrowd.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A bounded cache of rows that are read on every page and seldom written (a Jam, its forums, whether someone is a
 * member), kept by the module that owns the rows (see ADR 51). The module evicts an entry where it writes the row, so
 * this node sees a change at once; the eviction is repeated after the writing transaction commits, so that a reader
 * who loaded the old row meanwhile cannot leave it behind. The writing transaction itself reads around the cache
 * until it ends: another transaction may load the old, still committed row between the eviction and the writer's own
 * next read, and a writer must see what it wrote (a Jam opened early was still read as scheduled by the listener that
 * reports its phase change, inside the opening transaction, so the change went out only at the next periodic check).
 * Other nodes learn of nothing: an entry lives at most {@link #FRESH} after it was read, the longest any node may act
 * on a revoked permission.
 */
public final class RowCache<K, V> {

    /** How long another node may serve a row after it changed: short enough for permissions, long under load. */
    public static final Duration FRESH = Duration.ofSeconds(5);

    private final Cache<K, V> cache;

    private RowCache(long maxEntries) {
        this.cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(FRESH).build();
    }

    /** A cache of at most {@code maxEntries} rows. */
    public static <K, V> RowCache<K, V> of(long maxEntries) {
        return new RowCache<>(maxEntries);
    }

    /** The cached value, or what {@code load} reads (and is kept). {@code load} must not return null. */
    public V get(K key, Function<? super K, ? extends V> load) {
        return writtenInThisTransaction() ? load.apply(key) : cache.get(key, load);
    }

    /**
     * The cached values of these keys, the missing ones read together by {@code load} (and kept); keys that
     * {@code load} does not return are absent from the result and not kept.
     */
    public Map<K, V> getAll(Collection<? extends K> keys, Function<? super Set<? extends K>, ? extends Map<? extends K, ? extends V>> load) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        if (writtenInThisTransaction()) {
            var found = new java.util.HashMap<K, V>(load.apply(new java.util.LinkedHashSet<>(keys)));
            found.keySet().retainAll(new java.util.HashSet<>(keys));
            return found;
        }
        return cache.getAll(keys, load);
    }

    /** Forgets the key now and again when the current transaction (if any) has committed. */
    public void evict(K key) {
        afterWrite(() -> cache.invalidate(key));
    }

    /** Forgets every key that matches, now and after the commit: for a change that touches many rows. */
    public void evictIf(Predicate<? super K> matching) {
        afterWrite(() -> cache.asMap().keySet().removeIf(matching));
    }

    /** Forgets everything, now and after the commit. */
    public void evictAll() {
        afterWrite(cache::invalidateAll);
    }

    private void afterWrite(Runnable eviction) {
        eviction.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            boolean firstWrite = !writtenInThisTransaction();
            if (firstWrite) {
                TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (firstWrite) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(RowCache.this);
                    }
                    eviction.run(); // committed or rolled back: either way the cache must reread the row
                }
            });
        }
    }

    /** Whether the current transaction has written rows of this cache: it then reads them from the database. */
    private boolean writtenInThisTransaction() {
        return TransactionSynchronizationManager.hasResource(this);
    }
}
