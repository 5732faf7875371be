package org.incrowd.insight;

import java.time.Instant;

/** A Jam's themes (the whole Jam's and each forum's) were recomputed, or an analyst refined them. */
public record ThemesRecomputed(long jamId, Instant computedAt) {
}
