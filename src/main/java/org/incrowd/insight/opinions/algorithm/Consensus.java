package org.incrowd.insight.opinions.algorithm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Stage 5, where the groups stand together and apart: group-informed consensus, divisive statements and the
 * bridging ranking. All shares are Pol.is's smoothed shares, (n + 1) / (votes + 2), per group.
 */
final class Consensus {

    /**
     * A group's share on a divisive statement counts only if at least this many of its members voted on it: below
     * that, the smoothing decides more than the votes.
     */
    static final int DIVISIVE_MIN_VOTES = 5;

    /** Orders standings by score, then statement key, then agree before disagree: a total, stable order. */
    private static final Comparator<StatementStanding> BY_SCORE = Comparator
            .comparingDouble(StatementStanding::score).reversed()
            .thenComparingLong(StatementStanding::statement)
            .thenComparing(StatementStanding::stance);

    private Consensus() {}

    /**
     * Group-informed consensus (Pol.is's "group-aware consensus"): a statement's score in a direction is the product
     * over groups of each group's smoothed share voting that way, so it is high only if every group, small or
     * large, leans that way. A statement is listed only if more than half of every group (smoothed) voted that way;
     * the top {@code listSize} agreed and the top {@code listSize} disagreed statements are merged, highest product
     * first.
     */
    static List<StatementStanding> consensus(GroupTallies tallies, long[] keys, int listSize) {
        var out = new ArrayList<StatementStanding>();
        for (var stance : Stance.values()) {
            var candidates = new ArrayList<StatementStanding>();
            for (int j = 0; j < tallies.statements(); j++) {
                var shares = shares(tallies, j, stance);
                if (tallies.groups() > 0 && shares.stream().allMatch(s -> s > 0.5)) {
                    double product = shares.stream().mapToDouble(Double::doubleValue).reduce(1, (a, b) -> a * b);
                    candidates.add(new StatementStanding(keys[j], stance, product, shares, tallies.seen(j)));
                }
            }
            candidates.sort(BY_SCORE);
            out.addAll(candidates.subList(0, Math.min(listSize, candidates.size())));
        }
        out.sort(BY_SCORE);
        return out;
    }

    /**
     * Divisive statements: the score is the largest minus the smallest smoothed agree share among the groups with
     * at least {@value #DIVISIVE_MIN_VOTES} votes on the statement (two such groups needed). 0.8 means one group
     * agrees 80 points more often than another. Listed with stance AGREE, since the shares are agree shares.
     */
    static List<StatementStanding> divisive(GroupTallies tallies, long[] keys, int listSize) {
        var candidates = new ArrayList<StatementStanding>();
        for (int j = 0; j < tallies.statements(); j++) {
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            int counted = 0;
            for (int g = 0; g < tallies.groups(); g++) {
                if (tallies.seen(g, j) >= DIVISIVE_MIN_VOTES) {
                    double share = tallies.share(g, j, Stance.AGREE);
                    low = Math.min(low, share);
                    high = Math.max(high, share);
                    counted++;
                }
            }
            if (counted >= 2 && high > low) {
                candidates.add(new StatementStanding(keys[j], Stance.AGREE, high - low,
                        shares(tallies, j, Stance.AGREE), tallies.seen(j)));
            }
        }
        candidates.sort(BY_SCORE);
        return List.copyOf(candidates.subList(0, Math.min(listSize, candidates.size())));
    }

    /**
     * Every statement voted on by grouped participants, by agreement across groups: the geometric mean of the
     * groups' smoothed agree shares (the consensus product normalised for the number of groups, so that scores
     * compare across recomputations with different numbers of groups). Ties by statement key.
     */
    static List<StatementStanding> bridging(GroupTallies tallies, long[] keys) {
        var out = new ArrayList<StatementStanding>();
        for (int j = 0; j < tallies.statements(); j++) {
            if (tallies.seen(j) == 0) {
                continue;
            }
            var shares = shares(tallies, j, Stance.AGREE);
            double logSum = shares.stream().mapToDouble(Math::log).sum();
            out.add(new StatementStanding(keys[j], Stance.AGREE, Math.exp(logSum / shares.size()), shares,
                    tallies.seen(j)));
        }
        out.sort(BY_SCORE);
        return out;
    }

    private static List<Double> shares(GroupTallies tallies, int statement, Stance stance) {
        var shares = new ArrayList<Double>(tallies.groups());
        for (int g = 0; g < tallies.groups(); g++) {
            shares.add(tallies.share(g, statement, stance));
        }
        return shares;
    }
}
