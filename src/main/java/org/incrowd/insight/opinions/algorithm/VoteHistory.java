package org.incrowd.insight.opinions.algorithm;

import java.util.Arrays;

/**
 * The votes of a conversation with the moment each was cast, for {@link OpinionAnalysis#history}: the groups as they
 * grew while the votes came in, the way Pol.is's groups grow.
 *
 * <p>Pol.is recomputes a conversation whenever votes arrive, and each recomputation starts from the previous one's
 * clusters, so its groups depend on the order in which opinions arrived, not only on the final votes. Replaying the
 * votes in time order reproduces that. The replay recomputes once per {@link #STEP_MILLIS hour} of the votes' times
 * (at each hour on the clock in which votes were cast), which fixes the history by the votes alone: the same votes at
 * the same times give the same groups, whenever and however often the server recomputed. The hour is not tuned to
 * the data: on the Pol.is conversations any cadence from half an hour to two hours gives the same groups within a few
 * points of adjusted Rand index (see ADR 55), because what matters is that camps found early are carried forward,
 * not exactly when.
 */
public final class VoteHistory {

    /** One recomputation per hour of the votes' times. */
    static final long STEP_MILLIS = 3_600_000;

    /** Fewer statements make no map: hours before the second statement has votes are skipped. */
    static final int FEWEST_STATEMENTS = 2;

    private final long[] participants;
    private final long[] statements;
    private final byte[] values;
    private final long[] times;
    private final long[] excluded;

    private VoteHistory(long[] participants, long[] statements, byte[] values, long[] times, long[] excluded) {
        this.participants = participants;
        this.statements = statements;
        this.values = values;
        this.times = times;
        this.excluded = excluded;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int votes() {
        return times.length;
    }

    /** The votes in time order, hour by hour. */
    Replay replay() {
        return new Replay(timeOrder());
    }

    /**
     * The votes ordered by hour and, within an hour, by time; votes cast at the same moment by their value, then as
     * given. Only the order of one participant's votes on one statement changes a vote matrix (the latest counts);
     * participants and statements are ordered by key there. So this order gives the same matrices as any order by
     * time, whatever order the votes were given in. Sorted on primitive keys: a live Jam's millions of votes are
     * ordered in a fraction of a second.
     */
    private int[] timeOrder() {
        int n = times.length;
        int[] order = new int[n];
        if (n == 0) {
            return order;
        }
        long[] hours = new long[n];
        for (int i = 0; i < n; i++) {
            hours[i] = Math.floorDiv(times[i], STEP_MILLIS);
        }
        long[] distinct = Arrays.stream(hours).sorted().distinct().toArray();
        int[] start = new int[distinct.length + 1];
        int[] bucket = new int[n];
        for (int i = 0; i < n; i++) {
            bucket[i] = Arrays.binarySearch(distinct, hours[i]);
            start[bucket[i] + 1]++;
        }
        for (int b = 0; b < distinct.length; b++) {
            start[b + 1] += start[b];
        }
        // Within an hour: milliseconds into the hour (22 bits), the vote's value (2 bits), its index (31 bits).
        long[] keys = new long[n];
        int[] fill = Arrays.copyOf(start, distinct.length);
        for (int i = 0; i < n; i++) {
            long into = times[i] - hours[i] * STEP_MILLIS;
            keys[fill[bucket[i]]++] = (into << 33) | ((long) (values[i] + 1) << 31) | i;
        }
        for (int b = 0; b < distinct.length; b++) {
            Arrays.sort(keys, start[b], start[b + 1]);
        }
        for (int k = 0; k < n; k++) {
            order[k] = (int) (keys[k] & Integer.MAX_VALUE);
        }
        return order;
    }

    /** Walks the votes in time order; each {@link #nextHour} is the matrix at the end of one more hour. */
    final class Replay {

        private final int[] order;
        private final VoteMatrix.Builder builder = VoteMatrix.builder();
        private int next;
        private long fingerprint;

        private Replay(int[] order) {
            this.order = order;
            long[] sortedExcluded = excluded.clone();
            Arrays.sort(sortedExcluded);
            for (long statement : sortedExcluded) {
                builder.exclude(statement);
                fingerprint += mix(statement * 0xD6E8FEB86659FD93L);
            }
        }

        /** Whether an hour with votes ends before the last hour with votes. */
        boolean hasNextHour() {
            return next < order.length && hour(next) != hour(order.length - 1);
        }

        /** The hour of the next vote (in hours since the epoch). */
        long nextVoteHour() {
            return hour(next);
        }

        /** The votes up to the end of the next hour that has votes. */
        VoteMatrix nextHour() {
            long hour = hour(next);
            while (next < order.length && hour(next) == hour) {
                add(order[next++]);
            }
            return builder.build();
        }

        /** All votes. */
        VoteMatrix all() {
            while (next < order.length) {
                add(order[next++]);
            }
            return builder.build();
        }

        /**
         * Takes in every vote of the hours before the latest of {@code hours} (ascending) whose votes are the ones
         * its {@code fingerprints} entry fingerprints and after which later votes follow (the state after them is
         * then the one a replay from the start would reach), without a matrix for each hour. Returns which one, or
         * −1 when none fits (and then takes in nothing).
         */
        int skipToLatest(long[] hours, long[] fingerprints) {
            long sum = fingerprint;
            int end = next;
            int found = -1;
            int foundEnd = next;
            for (int k = 0; k < hours.length; k++) {
                while (end < order.length && hour(end) < hours[k]) {
                    sum += fingerprintOf(order[end++]);
                }
                if (sum == fingerprints[k] && end < order.length) {
                    found = k;
                    foundEnd = end;
                }
            }
            while (next < foundEnd) {
                add(order[next++]);
            }
            return found;
        }

        /** A fingerprint of the votes taken in so far (and the statements left out), whatever their order. */
        long fingerprint() {
            return fingerprint;
        }

        private long hour(int at) {
            return Math.floorDiv(times[order[at]], STEP_MILLIS);
        }

        private void add(int vote) {
            // Each hour is one batch of Pol.is's recomputation: the matrices keep its rows' order.
            builder.batch(Math.floorDiv(times[vote], STEP_MILLIS));
            builder.vote(participants[vote], statements[vote], values[vote]);
            fingerprint += fingerprintOf(vote);
        }

        private long fingerprintOf(int vote) {
            return mix(participants[vote] * 0x9E3779B97F4A7C15L ^ mix(statements[vote] * 0xC2B2AE3D27D4EB4FL
                    ^ mix(times[vote] * 0x165667B19E3779F9L + values[vote] + 2)));
        }
    }

    /** SplitMix64's finaliser: spreads every bit of the input over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Collects timed votes in any order. */
    public static final class Builder {

        private long[] participants = new long[1024];
        private long[] statements = new long[1024];
        private byte[] values = new byte[1024];
        private long[] times = new long[1024];
        private long[] excluded = new long[16];
        private int count;
        private int excludedCount;

        private Builder() {}

        /**
         * @param value +1 agree, −1 disagree, 0 pass
         * @param epochMillis when the vote was cast
         */
        public Builder vote(long participant, long statement, int value, long epochMillis) {
            if (value < -1 || value > 1) {
                throw new IllegalArgumentException("A vote is +1 (agree), -1 (disagree) or 0 (pass), not " + value
                        + " (participant " + participant + ", statement " + statement + ")");
            }
            if (count == times.length) {
                int grown = count + (count >> 1);
                participants = Arrays.copyOf(participants, grown);
                statements = Arrays.copyOf(statements, grown);
                values = Arrays.copyOf(values, grown);
                times = Arrays.copyOf(times, grown);
            }
            participants[count] = participant;
            statements[count] = statement;
            values[count] = (byte) value;
            times[count++] = epochMillis;
            return this;
        }

        /** Leaves a statement out of the analysis (e.g. hidden by moderation) even if it has votes. */
        public Builder exclude(long statement) {
            if (excludedCount == excluded.length) {
                excluded = Arrays.copyOf(excluded, excludedCount * 2);
            }
            excluded[excludedCount++] = statement;
            return this;
        }

        public VoteHistory build() {
            return new VoteHistory(Arrays.copyOf(participants, count), Arrays.copyOf(statements, count),
                    Arrays.copyOf(values, count), Arrays.copyOf(times, count), Arrays.copyOf(excluded, excludedCount));
        }
    }
}
