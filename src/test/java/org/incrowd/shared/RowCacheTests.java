package org.incrowd.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A writer sees its own writes through the cache, even when another transaction loads the old, still committed row
 * between the writer's eviction and its next read; once the writer's transaction ends, everyone reads the new row.
 */
class RowCacheTests {

    /** The row as another transaction sees it until the writer commits. */
    private final AtomicReference<String> committed = new AtomicReference<>("scheduled");
    /** The row as the writing transaction sees it. */
    private final AtomicReference<String> written = new AtomicReference<>("scheduled");

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aWriterReadsWhatItWroteThoughAnotherReaderCachedTheOldRowMeanwhile() throws Exception {
        RowCache<Long, String> jams = RowCache.of(10);
        assertThat(jams.get(1L, id -> committed.get())).isEqualTo("scheduled");

        TransactionSynchronizationManager.initSynchronization();
        written.set("live");
        jams.evict(1L);
        var otherReader = Thread.ofPlatform().start(() -> jams.get(1L, id -> committed.get()));
        otherReader.join();

        assertThat(jams.get(1L, id -> written.get())).isEqualTo("live");
        assertThat(jams.getAll(List.of(1L), ids -> ids.stream().collect(Collectors.toMap(id -> id, id -> written.get()))))
                .isEqualTo(Map.of(1L, "live"));

        committed.set("live");
        commit();
        assertThat(jams.get(1L, id -> committed.get())).isEqualTo("live");
    }

    @Test
    void aReaderOutsideAnyWriteIsServedFromTheCache() {
        RowCache<Long, String> jams = RowCache.of(10);
        jams.get(1L, id -> "first read");

        assertThat(jams.get(1L, id -> "second read")).isEqualTo("first read");
    }

    private static void commit() {
        var synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        synchronizations.forEach(sync -> sync.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
    }
}
