package org.incrowd.insight.opinions;

import java.util.Comparator;
import java.util.List;
import org.incrowd.insight.opinions.algorithm.StatementStanding;

/**
 * Which statements of a map to offer a reader next, as Pol.is does: those that most help to place them. A reaction
 * helps more the more people reacted to the same statement (it sets the reader beside many others) and the more the
 * groups split on it (agreeing or not tells the groups apart):
 * {@code usefulness = reacted / most reacted × (1 + spread)}, where spread is the largest minus the smallest group's
 * agree share. Ties go to the older statement, so the order is stable.
 */
final class NextStatements {

    /** A few at a time: enough to keep going, few enough to read before reacting. */
    static final int OFFERED = 3;

    private NextStatements() {}

    /** Every statement of the map that grouped people reacted to, most useful first (post ids). */
    static List<Long> byUsefulness(OpinionSnapshot map) {
        int most = map.bridging().stream().mapToInt(StatementStanding::votes).max().orElse(1);
        record Scored(long statement, double usefulness) {
        }
        return map.bridging().stream()
                .map(standing -> new Scored(standing.statement(),
                        (double) standing.votes() / Math.max(1, most) * (1 + spread(standing))))
                .sorted(Comparator.comparingDouble(Scored::usefulness).reversed()
                        .thenComparingLong(Scored::statement))
                .map(Scored::statement)
                .toList();
    }

    private static double spread(StatementStanding standing) {
        var shares = standing.shareByGroup();
        if (shares.size() < 2) {
            return 0;
        }
        double low = shares.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double high = shares.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return high - low;
    }
}
