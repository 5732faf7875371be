package org.incrowd.insight;

import java.time.Instant;

/** A Jam's opinion maps (the whole Jam's and each forum's) were recomputed and stored. */
public record OpinionMapsRecomputed(long jamId, Instant computedAt) {
}
