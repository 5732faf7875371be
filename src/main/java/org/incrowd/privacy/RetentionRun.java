package org.incrowd.privacy;

import java.time.Instant;
import java.util.Map;

/**
 * One retention run and what it removed, per kind ({@code -1}: that kind failed and keeps its records until the next
 * run). {@code startedBy} 0 is the nightly run.
 */
public record RetentionRun(long id, Instant startedAt, Instant finishedAt, long startedBy, Map<String, Integer> removed) {

    public boolean nightly() {
        return startedBy == 0;
    }

    public int total() {
        return removed.values().stream().filter(n -> n > 0).mapToInt(Integer::intValue).sum();
    }
}
