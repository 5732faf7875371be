package org.incrowd.insight.opinions.algorithm;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a replay of a conversation's history stood at the ends of some of its hours ({@link OpinionAnalysis#history}):
 * the components and clusters carried to the next hour, and a fingerprint of the votes that made them. A later replay
 * of the same conversation starts at the latest of them whose hours' votes are still exactly these, so a live map
 * replays only the hours since. A reaction changed or withdrawn, or an idea hidden, alters the hour it was cast in:
 * the replay then starts at the last checkpoint before that hour. Kept: the newest hour, and one hour in each band of
 * age (1, 2-3, 4-7, 8-15... hours before it), so a change to a recent hour replays a few hours, a change to an old one about as
 * many hours again as it is old. The result is always the replay's from the start: a restart, which loses the
 * checkpoints, gives the same map.
 */
public final class HistoryCheckpoint {

    private final List<Point> points;

    /** One hour's end: every vote of the hours before {@code hour} (since the epoch) taken in. */
    record Point(long hour, long fingerprint, OpinionSettings settings, MissingVotes missingVotes,
            PrincipalComponents components, GroupClustering.Carried carried) {}

    private HistoryCheckpoint(List<Point> points) {
        this.points = points;
    }

    static HistoryCheckpoint of(List<Point> points) {
        return points.isEmpty() ? null : new HistoryCheckpoint(List.copyOf(points));
    }

    /** The points a replay with these settings may start from, oldest first. */
    List<Point> pointsFor(OpinionSettings settings, MissingVotes missingVotes) {
        return points.stream().filter(p -> p.settings().equals(settings) && p.missingVotes() == missingVotes)
                .toList();
    }

    /**
     * The points to keep once {@code newest} is added: {@code newest}, and the oldest point in each band of age
     * (1, 2-3, 4-7, 8-15... hours before it). The oldest, so that a point ages through the bands instead of being
     * replaced by younger ones: there is always one about as old as each band.
     */
    static List<Point> keep(List<Point> older, Point newest) {
        var kept = new ArrayList<Point>();
        int lastBand = -1;
        for (var point : older) {
            long age = newest.hour() - point.hour();
            int band = 64 - Long.numberOfLeadingZeros(age);
            if (age > 0 && band != lastBand) {
                kept.add(point);
                lastBand = band;
            }
        }
        kept.add(newest);
        return kept;
    }

    /** The grouped participants carried over all points, for a cache's weight. */
    public int size() {
        return points.stream().mapToInt(p -> p.carried().keys().length + 1).sum();
    }
}
