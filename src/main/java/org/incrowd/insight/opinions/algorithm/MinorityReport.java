package org.incrowd.insight.opinions.algorithm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Positions a small group holds strongly and the rest do not: the dissent a Jam report must not lose in the
 * majority's consensus.
 */
final class MinorityReport {

    /** A group is small below this share of all grouped participants. */
    static final double SMALL_GROUP = 0.25;

    /** The group holds a position when at least this share of it (smoothed) votes that way: a clear majority. */
    static final double HELD = 0.70;

    /**
     * Everyone else's share must be at least this much lower (in share points): a position the others share is not a
     * minority position.
     */
    static final double GAP = 0.30;

    private MinorityReport() {}

    /**
     * For each small group and each statement and direction: listed if the group holds it ({@value #HELD}), the
     * others are {@value #GAP} lower, and the difference is significant by Pol.is's two-proportion test (so that
     * three agreeing members do not make a report). Strongest (largest gap) first, at most {@code listSize}.
     */
    static List<MinorityPosition> of(GroupTallies tallies, long[] keys, int listSize) {
        var out = new ArrayList<MinorityPosition>();
        int grouped = tallies.grouped();
        if (tallies.groups() < 2) {
            return out;
        }
        for (int g = 0; g < tallies.groups(); g++) {
            if (tallies.size(g) >= SMALL_GROUP * grouped) {
                continue;
            }
            for (int j = 0; j < tallies.statements(); j++) {
                for (var stance : Stance.values()) {
                    double inside = tallies.share(g, j, stance);
                    double outside = tallies.shareOutside(g, j, stance);
                    double z = ProportionTests.twoProportions(tallies.count(g, j, stance),
                            tallies.countOutside(g, j, stance), tallies.seen(g, j), tallies.seenOutside(g, j));
                    if (inside >= HELD && inside - outside >= GAP && ProportionTests.significant(z)) {
                        out.add(new MinorityPosition(g, keys[j], stance, inside, outside));
                    }
                }
            }
        }
        out.sort(Comparator.comparingDouble((MinorityPosition p) -> p.groupShare() - p.othersShare()).reversed()
                .thenComparingInt(MinorityPosition::group)
                .thenComparingLong(MinorityPosition::statement)
                .thenComparing(MinorityPosition::stance));
        return List.copyOf(out.subList(0, Math.min(listSize, out.size())));
    }
}
