package org.incrowd.jam;

/** How many joined a Jam and from how many countries. */
public record JamStats(long participants, long countries) {
}
