package org.incrowd.bench;

import java.util.SplittableRandom;
import org.incrowd.insight.opinions.algorithm.VoteHistory;
import org.incrowd.insight.opinions.algorithm.VoteMatrix;

/**
 * A Jam-sized vote matrix made up deterministically (fixed seed): participants in a few latent opinion camps, each
 * camp with its own chance of agreeing with each statement, so that opinion groups exist to be found. Every
 * participant votes on a random handful of statements, as people do in a Jam.
 */
public final class SyntheticJam {

    /** The Jam the targets are set for: 150,000 participants, 5,000 statements, 5,000,000 votes. */
    public static final SyntheticJam JAM = new SyntheticJam(150_000, 5_000, 5_000_000, 4, 20260521L);

    private final int participants;
    private final int statements;
    private final long votes;
    private final int camps;
    private final long seed;

    public SyntheticJam(int participants, int statements, long votes, int camps, long seed) {
        this.participants = participants;
        this.statements = statements;
        this.votes = votes;
        this.camps = camps;
        this.seed = seed;
    }

    public int participants() {
        return participants;
    }

    public int statements() {
        return statements;
    }

    /** All the votes. Participant keys are 1..participants, statement keys 1..statements. */
    public VoteMatrix matrix() {
        var builder = VoteMatrix.builder();
        forEachVote(votes, seed, (person, statement, value, index) -> builder.vote(person, statement, value));
        return builder.build();
    }

    /**
     * The same votes with times: cast at an even pace over {@code hours} from {@code startMillis}, in the order they
     * are made up, as in a Jam of that many hours.
     */
    public VoteHistory history(int hours, long startMillis) {
        var builder = VoteHistory.builder();
        history(hours, startMillis, builder);
        return builder.build();
    }

    /** {@link #history(int, long)} into a builder that may get more votes. */
    public void history(int hours, long startMillis, VoteHistory.Builder builder) {
        history(hours, startMillis, -1, builder);
    }

    /**
     * {@link #history(int, long, VoteHistory.Builder)} with one vote, the {@code changed}-th made up, cast the other
     * way (a pass becomes an agree): a reaction changed in the hour it was cast in.
     */
    public void history(int hours, long startMillis, long changed, VoteHistory.Builder builder) {
        double step = hours * 3_600_000.0 / votes;
        forEachVote(votes, seed, (person, statement, value, index) -> builder.vote(person, statement,
                index == changed ? (value == 0 ? 1 : -value) : value, startMillis + (long) (index * step)));
    }

    /** {@link #moreVotes} with times, all cast at {@code atMillis}: new reactions added to a {@link #history}. */
    public void moreVotes(int count, long batch, long atMillis, VoteHistory.Builder builder) {
        forEachVote(count, seed ^ (0x9E3779B97F4A7C15L * (batch + 1)),
                (person, statement, value, index) -> builder.vote(person, statement, value, atMillis));
    }

    /** Receives one made-up vote. */
    private interface VoteSink {
        void vote(long person, long statement, int value, long index);
    }

    /** {@code count} further votes (new ones and changed minds), from another seed: a batch of new reactions. */
    public VoteMatrix moreVotes(int count, long batch) {
        var builder = VoteMatrix.builder();
        forEachVote(count, seed ^ (0x9E3779B97F4A7C15L * (batch + 1)),
                (person, statement, value, index) -> builder.vote(person, statement, value));
        return builder.build();
    }

    private void forEachVote(long count, long voteSeed, VoteSink sink) {
        double[][] agree = new double[camps][statements];
        double[][] disagree = new double[camps][statements];
        var shape = new SplittableRandom(seed);
        for (int s = 0; s < statements; s++) {
            // A statement is consensual (every camp alike), or splits the camps around its own centre.
            boolean consensual = shape.nextDouble() < 0.2;
            double base = shape.nextDouble();
            for (int c = 0; c < camps; c++) {
                double lean = consensual ? base : clamp(base + (shape.nextDouble() - 0.5) * 1.4);
                agree[c][s] = 0.85 * lean;
                disagree[c][s] = 0.85 * (1 - lean);
            }
        }
        var random = new SplittableRandom(voteSeed);
        for (long v = 0; v < count; v++) {
            int person = random.nextInt(participants);
            int camp = campOf(person);
            int statement = random.nextInt(statements);
            double roll = random.nextDouble();
            int value = roll < agree[camp][statement] ? 1 : roll < agree[camp][statement] + disagree[camp][statement]
                    ? -1 : 0;
            sink.vote(person + 1L, statement + 1L, value, v);
        }
    }

    /** Camps of unequal size (40 %, 30 %, 20 %, 10 % for four), fixed by the participant's number. */
    int campOf(int person) {
        long h = (person + 1L) * 0x9E3779B97F4A7C15L;
        double u = ((h ^ (h >>> 29)) >>> 11) * 0x1.0p-53;
        double total = camps * (camps + 1) / 2.0;
        double edge = 0;
        for (int c = 0; c < camps; c++) {
            edge += (camps - c) / total;
            if (u < edge) {
                return c;
            }
        }
        return camps - 1;
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
