package org.incrowd.insight.opinions.algorithm;

/**
 * Where a replay of a conversation's history stood at the end of an hour ({@link OpinionAnalysis#history}): the
 * components and clusters carried to the next hour, and a fingerprint of the votes that made them. A later replay of
 * the same conversation starts here instead of at its first vote when the votes of those hours are still exactly
 * these, so a live map replays only the hours since; when they are not (a reaction withdrawn or changed, an idea
 * hidden), it replays from the start. Either way the result is the replay's from the start: a restart, which loses
 * the checkpoint, gives the same map.
 */
public final class HistoryCheckpoint {

    /** The replay has taken in every vote of the hours before this one (hours since the epoch). */
    final long hour;
    final long fingerprint;
    final OpinionSettings settings;
    final MissingVotes missingVotes;
    final PrincipalComponents components;
    final GroupClustering.Carried carried;

    HistoryCheckpoint(long hour, long fingerprint, OpinionSettings settings, MissingVotes missingVotes,
            PrincipalComponents components, GroupClustering.Carried carried) {
        this.hour = hour;
        this.fingerprint = fingerprint;
        this.settings = settings;
        this.missingVotes = missingVotes;
        this.components = components;
        this.carried = carried;
    }

    /** The grouped participants carried, for a cache's weight. */
    public int size() {
        return carried.keys().length;
    }
}
