package org.incrowd.insight.opinions.algorithm;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

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
        // Ties in time by participant, statement and vote: the order the votes were given in does not matter.
        int[] order = IntStream.range(0, times.length).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> times[i]).thenComparingLong(i -> participants[i])
                        .thenComparingLong(i -> statements[i]).thenComparingInt(i -> values[i]))
                .mapToInt(Integer::intValue).toArray();
        return new Replay(order);
    }

    /** Walks the votes in time order; each {@link #nextHour} is the matrix at the end of one more hour. */
    final class Replay {

        private final int[] order;
        private final VoteMatrix.Builder builder = VoteMatrix.builder();
        private int next;

        private Replay(int[] order) {
            this.order = order;
            for (long statement : excluded) {
                builder.exclude(statement);
            }
        }

        /** Whether an hour with votes ends before the last hour with votes. */
        boolean hasNextHour() {
            return next < order.length && hour(next) != hour(order.length - 1);
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

        private long hour(int at) {
            return Math.floorDiv(times[order[at]], STEP_MILLIS);
        }

        private void add(int vote) {
            builder.vote(participants[vote], statements[vote], values[vote]);
        }
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
