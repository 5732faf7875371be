package org.incrowd.insight.opinions.algorithm;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-made conversations for the tests: camps of participants with known opinions. Votes are listed, not built, so
 * that a test can shuffle them or add to them.
 */
final class Camps {

    /** One vote. */
    record Vote(long participant, long statement, int value) {}

    /** Statement 1: everyone agrees. */
    static final long EVERYONE_AGREES = 1;

    /** Statement 2: camp A all agree, camp B all disagree, without exception: the clearest split. */
    static final long SPLIT = 2;

    /** Statements 3–5: A agrees, B disagrees (with a little noise). */
    static final List<Long> A_AGREES = List.of(3L, 4L, 5L);

    /** Statements 6–8: B agrees, A disagrees (with a little noise). */
    static final List<Long> B_AGREES = List.of(6L, 7L, 8L);

    /** Statements 9–10: everyone passes. */
    static final List<Long> UNDECIDED = List.of(9L, 10L);

    /** Camp A: participants 1..size; camp B: 101..100 + size. */
    static List<Vote> twoCamps(int size) {
        var votes = new ArrayList<Vote>();
        for (int i = 1; i <= size; i++) {
            member(votes, i, true, i);
            member(votes, 100 + i, false, i);
        }
        return votes;
    }

    /** The votes of member {@code i} of camp A (or B). */
    static void member(List<Vote> votes, long person, boolean a, int i) {
        votes.add(new Vote(person, EVERYONE_AGREES, 1));
        votes.add(new Vote(person, SPLIT, a ? 1 : -1));
        for (long s : A_AGREES) {
            // Every fifth participant passes on one of the camp's statements: real camps are not unanimous.
            votes.add(new Vote(person, s, i % 5 == (int) s % 5 ? 0 : a ? 1 : -1));
        }
        for (long s : B_AGREES) {
            votes.add(new Vote(person, s, i % 5 == (int) s % 5 ? 0 : a ? -1 : 1));
        }
        votes.add(new Vote(person, UNDECIDED.get(0), 0));
        votes.add(new Vote(person, UNDECIDED.get(1), 0));
    }

    /**
     * A large made-up conversation (fixed seed): participants in three camps, each camp agreeing with a statement
     * with its own probability.
     */
    static VoteMatrix many(int participants, int statements, int votes, long seed) {
        var random = new java.util.SplittableRandom(seed);
        double[][] agree = new double[3][statements];
        for (int s = 0; s < statements; s++) {
            for (int c = 0; c < 3; c++) {
                agree[c][s] = random.nextDouble();
            }
        }
        var builder = VoteMatrix.builder();
        for (int v = 0; v < votes; v++) {
            int person = random.nextInt(participants);
            int statement = random.nextInt(statements);
            double roll = random.nextDouble();
            double p = agree[person % 3][statement];
            builder.vote(person, statement, roll < p * 0.8 ? 1 : roll < 0.8 ? -1 : 0);
        }
        return builder.build();
    }

    static VoteMatrix matrix(List<Vote> votes) {
        var builder = VoteMatrix.builder();
        votes.forEach(v -> builder.vote(v.participant(), v.statement(), v.value()));
        return builder.build();
    }

    /** The group a participant was placed in, or {@link Placement#UNGROUPED}. */
    static int groupOf(OpinionResult result, long participant) {
        return result.placements().stream().filter(p -> p.participant() == participant).findFirst().orElseThrow()
                .group();
    }

    private Camps() {}
}
