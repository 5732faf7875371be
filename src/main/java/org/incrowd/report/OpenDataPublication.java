package org.incrowd.report;

import java.time.Instant;

/** A published export: everyone who may read the Jam may download it, in this mode. */
public record OpenDataPublication(long jamId, OpenDataMode mode, long publishedBy, Instant publishedAt) {
}
