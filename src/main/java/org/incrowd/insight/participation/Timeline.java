package org.incrowd.insight.participation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Active people and posts per bucket of {@code width}, from the Jam's start (or its first activity) to now. */
public record Timeline(Duration width, List<Row> rows) {

    public Timeline {
        rows = List.copyOf(rows);
    }

    public record Row(Instant start, long people, long posts) {
    }
}
