package org.incrowd.insight.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A node keeps parsed snapshots so that page views do not parse them again, but only as many as its bound allows:
 * a node serving many Jams must not keep every map it ever read until it runs out of memory.
 */
class ParsedSnapshotsTests {

    record Snapshot(Instant computedAt, int people) {
    }

    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    final AtomicInteger reads = new AtomicInteger();
    final ParsedSnapshots<Snapshot> snapshots = new ParsedSnapshots<>(Snapshot::computedAt, Snapshot::people, 1_000);

    Optional<Snapshot> latest(long jamId, int people) {
        return snapshots.latest(jamId, 0, Optional.of(AT), () -> {
            reads.incrementAndGet();
            return Optional.of(new Snapshot(AT, people));
        });
    }

    @Test
    void aSnapshotIsParsedOnceWhileItIsTheLatest() {
        latest(1, 300);
        latest(1, 300);
        assertThat(reads).hasValue(1);
    }

    @Test
    void manyJamsMapsStayWithinTheNodesBound() {
        for (long jamId = 1; jamId <= 50; jamId++) {
            latest(jamId, 300);
            snapshots.keep(jamId, 7, new Snapshot(AT, 300));
        }
        assertThat(snapshots.keptElements()).as("people placed in the kept maps").isLessThanOrEqualTo(1_000);
        assertThat(latest(50, 300)).isPresent();
    }

    @Test
    void aDroppedSnapshotIsReadAgainNotLost() {
        for (long jamId = 1; jamId <= 10; jamId++) {
            latest(jamId, 300);
        }
        int before = reads.get();
        for (long jamId = 1; jamId <= 10; jamId++) {
            assertThat(latest(jamId, 300)).as("Jam %d's map", jamId).contains(new Snapshot(AT, 300));
        }
        assertThat(reads.get() - before).as("maps dropped for room, read again").isGreaterThanOrEqualTo(7);
    }
}
