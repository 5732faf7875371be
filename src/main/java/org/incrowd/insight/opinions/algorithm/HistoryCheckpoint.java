package org.incrowd.insight.opinions.algorithm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a replay of a conversation's history stood at the ends of some of its hours ({@link OpinionAnalysis#history}):
 * the components and clusters carried to the next hour, and a fingerprint of the votes that made them. A later replay
 * of the same conversation starts at the latest of them whose hours' votes are still exactly these, so a live map
 * replays only the hours since. A reaction changed or withdrawn, or an idea hidden, alters the hour it was cast in:
 * the replay then starts at the last checkpoint before that hour. Kept: the newest hour, and one hour in each band of
 * age (1, 2-3, 4-7, 8-15... hours before it), so a change to a recent hour replays a few hours, a change to an old one about as
 * many hours again as it is old. The result is always the replay's from the start: a restart, which loses the
 * checkpoints held in memory, gives the same map.
 *
 * <p>A point can be kept outside the process ({@link #marks}, {@link #bytesOf}, {@link #read}), so that a restarted
 * node or another one resumes where the replay stood. A point is a function of the votes it fingerprints, the settings
 * and this code alone, so every node that reaches an hour writes the same bytes under the same {@link Mark}.
 */
public final class HistoryCheckpoint {

    /**
     * The replay's arithmetic, part of every {@link Mark}: raise it with any change that moves a replay's components
     * or clusters (tolerances, k-means rounds, the k smoother, the matrix's order...), so that points an older
     * version stored are never resumed from (they would not be what this version's replay reaches).
     */
    static final int REPLAY_VERSION = 3; // 2: Pol.is's clean start and in-conv carry; 3: its row order (ADR 55)

    private final List<Point> points;

    /**
     * Where a point is found again: the kind of replay (version, settings, treatment of unseen statements), the hour
     * it ends before, and the fingerprint of the votes before that hour. Equal marks hold equal points.
     */
    public record Mark(String method, long hour, long fingerprint) {}

    /**
     * One hour's end: every vote of the hours before {@code hour} (since the epoch) taken in. A point read back from
     * stored bytes restores its components and clusters only when a replay starts from it (a resumed replay uses
     * one of its eight or so points), from the bytes it keeps, which are also what it stores again.
     */
    static final class Point {

        private final long hour;
        private final long fingerprint;
        private final OpinionSettings settings;
        private final MissingVotes missingVotes;
        private final int participants;
        private byte[] stored;
        private State state;

        private record State(PrincipalComponents components, GroupClustering.Carried carried) {}

        Point(long hour, long fingerprint, OpinionSettings settings, MissingVotes missingVotes,
                PrincipalComponents components, GroupClustering.Carried carried) {
            this(hour, fingerprint, settings, missingVotes, carried.keys().length, null);
            this.state = new State(components, carried);
        }

        private Point(long hour, long fingerprint, OpinionSettings settings, MissingVotes missingVotes,
                int participants, byte[] stored) {
            this.hour = hour;
            this.fingerprint = fingerprint;
            this.settings = settings;
            this.missingVotes = missingVotes;
            this.participants = participants;
            this.stored = stored;
        }

        long hour() {
            return hour;
        }

        long fingerprint() {
            return fingerprint;
        }

        OpinionSettings settings() {
            return settings;
        }

        MissingVotes missingVotes() {
            return missingVotes;
        }

        PrincipalComponents components() {
            return state().components();
        }

        GroupClustering.Carried carried() {
            return state().carried();
        }

        Mark mark() {
            return new Mark(method(settings, missingVotes), hour, fingerprint);
        }

        private synchronized State state() {
            if (state == null) {
                state = CheckpointStream.read(stored, in -> {
                    readHeader(in);
                    return readState(in);
                });
            }
            return state;
        }

        private synchronized byte[] bytes() {
            if (stored == null) {
                var kept = state;
                stored = CheckpointStream.write(out -> {
                    writeHeader(this, out);
                    writeState(kept, out);
                });
            }
            return stored;
        }
    }

    /** The kind of replay, as {@link Mark#method} names it. */
    public static String method(OpinionSettings settings, MissingVotes missingVotes) {
        return "replay " + REPLAY_VERSION + " " + missingVotes + " " + settings.minVotes() + "/" + settings.maxGroups()
                + "/" + settings.baseClusters() + "/" + settings.representativePerGroup() + "/" + settings.listSize();
    }

    /** The points, oldest first, by their marks. */
    public List<Mark> marks() {
        return points.stream().map(Point::mark).toList();
    }

    /** The point with this mark, as bytes {@link #read} restores exactly. */
    public byte[] bytesOf(Mark mark) {
        return points.stream().filter(p -> p.mark().equals(mark)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("No point " + mark + " in this checkpoint")).bytes().clone();
    }

    /**
     * The checkpoint of points {@link #bytesOf} wrote (in any order), without those another version of the replay
     * wrote; null when there are none. Only each point's hour, fingerprint and settings are read here.
     */
    public static HistoryCheckpoint read(List<byte[]> stored) {
        var points = new ArrayList<Point>();
        for (byte[] bytes : stored) {
            var header = CheckpointStream.read(bytes, HistoryCheckpoint::readHeader);
            if (header != null) {
                points.add(new Point(header.hour(), header.fingerprint(), header.settings(), header.missingVotes(),
                        header.participants(), bytes.clone()));
            }
        }
        points.sort(Comparator.comparingLong(Point::hour));
        return of(points);
    }

    private record Header(long hour, long fingerprint, OpinionSettings settings, MissingVotes missingVotes,
            int participants) {}

    private static void writeHeader(Point point, CheckpointStream.Out out) throws IOException {
        out.number(REPLAY_VERSION);
        out.number(point.hour());
        out.number(point.fingerprint());
        var settings = point.settings();
        out.numbers(new int[] {settings.minVotes(), settings.maxGroups(), settings.baseClusters(),
                settings.representativePerGroup(), settings.listSize()});
        out.text(point.missingVotes().name());
        out.number(point.participants);
    }

    /** The header {@link #writeHeader} wrote; null when another version of the replay wrote it. */
    private static Header readHeader(CheckpointStream.In in) throws IOException {
        if (in.number() != REPLAY_VERSION) {
            return null;
        }
        long hour = in.number();
        long fingerprint = in.number();
        int[] s = in.numbers();
        return new Header(hour, fingerprint, new OpinionSettings(s[0], s[1], s[2], s[3], s[4]),
                MissingVotes.valueOf(in.text()), in.count());
    }

    private static void writeState(Point.State state, CheckpointStream.Out out) throws IOException {
        out.number(state.components() == null ? 0 : 1);
        if (state.components() != null) {
            state.components().writeTo(out);
        }
        var carried = state.carried();
        out.keys(carried.keys());
        out.numbers(carried.base());
        out.number(carried.groupsByK().length);
        for (int[] groups : carried.groupsByK()) {
            out.number(groups == null ? 0 : 1);
            if (groups != null) {
                out.numbers(groups);
            }
        }
        out.numbers(new int[] {carried.shown(), carried.best(), carried.bestRuns()});
    }

    private static Point.State readState(CheckpointStream.In in) throws IOException {
        var components = in.number() == 0 ? null : PrincipalComponents.readFrom(in);
        long[] keys = in.keys();
        int[] base = in.numbers();
        int[][] groupsByK = new int[in.count()][];
        for (int k = 0; k < groupsByK.length; k++) {
            groupsByK[k] = in.number() == 0 ? null : in.numbers();
        }
        int[] smoother = in.numbers();
        return new Point.State(components,
                new GroupClustering.Carried(keys, base, groupsByK, smoother[0], smoother[1], smoother[2]));
    }

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
        return points.stream().mapToInt(p -> p.participants + 1).sum();
    }
}
