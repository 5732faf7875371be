package org.incrowd.insight.opinions.algorithm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Stage 4, representativeness: the statements that set a group apart, chosen as Pol.is chooses them.
 *
 * <p>For a group and a statement: the group's smoothed agree share pa = (1 + agrees) / (2 + votes) and disagree
 * share pd; their ratios ra, rd to everyone else's (grouped, outside the group) smoothed shares; a one-proportion
 * test of pa (pd) against one half and a two-proportion test of the group against the rest. A statement is
 * representative when both tests are significant (z > 1.2816) for agreeing, or both for disagreeing; its stance is
 * whichever two-proportion test is larger. Representative statements are ranked by ratio × two-proportion z ×
 * share × one-proportion z, the statement the group most clearly agrees with goes first (so that a group is never
 * described only by what it rejects), and agreeing statements come before disagreeing ones. When nothing passes,
 * the group still gets one statement: the best agreed one, else the one with the largest two-proportion z.
 */
final class Representativeness {

    private Representativeness() {}

    /** The group's representative statements, at most {@code keep}. */
    static List<RepresentativeStatement> of(GroupTallies tallies, int group, long[] statementKeys, int keep) {
        var sufficient = new ArrayList<Stats>();
        Stats best = null;
        Stats bestAgree = null;
        for (int j = 0; j < tallies.statements(); j++) {
            var stats = new Stats(tallies, group, j);
            if (stats.passes()) {
                sufficient.add(stats);
            }
            if (sufficient.isEmpty() && (best == null || Math.max(stats.rat, stats.rdt) > best.test())) {
                best = stats;
            }
            if (stats.beatsBestAgree(bestAgree)) {
                bestAgree = stats;
            }
        }
        Stats head = bestAgree;
        var chosen = new ArrayList<Stats>();
        if (sufficient.isEmpty()) {
            if (head != null || best != null) {
                chosen.add(head != null ? head : best);
            }
        } else {
            if (head != null) {
                chosen.add(head);
            }
            sufficient.stream()
                    .filter(s -> head == null || s.statement != head.statement)
                    .sorted(Comparator.comparingDouble(Stats::metric).reversed())
                    .forEach(chosen::add);
        }
        var kept = chosen.subList(0, Math.min(keep, chosen.size())).stream()
                .map(s -> s == head ? s.finishAgreeing(statementKeys) : s.finish(statementKeys)).toList();
        var ordered = new ArrayList<RepresentativeStatement>();
        kept.stream().filter(r -> r.stance() == Stance.AGREE).forEach(ordered::add);
        kept.stream().filter(r -> r.stance() == Stance.DISAGREE).forEach(ordered::add);
        return ordered;
    }

    /** The numbers Pol.is computes for one group and statement (names as in Pol.is's repness.clj). */
    private static final class Stats {

        final int statement;
        final int na;
        final int nd;
        final int ns;
        final double pa;
        final double pd;
        final double pat;
        final double pdt;
        final double ra;
        final double rd;
        final double rat;
        final double rdt;
        final double othersAgree;
        final double othersDisagree;

        Stats(GroupTallies tallies, int group, int statement) {
            this.statement = statement;
            na = tallies.count(group, statement, Stance.AGREE);
            nd = tallies.count(group, statement, Stance.DISAGREE);
            ns = tallies.seen(group, statement);
            int naOut = tallies.countOutside(group, statement, Stance.AGREE);
            int ndOut = tallies.countOutside(group, statement, Stance.DISAGREE);
            int nsOut = tallies.seenOutside(group, statement);
            pa = GroupTallies.share(na, ns);
            pd = GroupTallies.share(nd, ns);
            pat = ProportionTests.oneProportion(na, ns);
            pdt = ProportionTests.oneProportion(nd, ns);
            othersAgree = GroupTallies.share(naOut, nsOut);
            othersDisagree = GroupTallies.share(ndOut, nsOut);
            ra = pa / othersAgree;
            rd = pd / othersDisagree;
            rat = ProportionTests.twoProportions(na, naOut, ns, nsOut);
            rdt = ProportionTests.twoProportions(nd, ndOut, ns, nsOut);
        }

        boolean passes() {
            return (ProportionTests.significant(rat) && ProportionTests.significant(pat))
                    || (ProportionTests.significant(rdt) && ProportionTests.significant(pdt));
        }

        /**
         * Pol.is's "best agree": the statement the group agrees with most clearly, preferring ratio × test × share ×
         * test. Unlike Pol.is we require the group to agree more often than the others (ratio above 1): Pol.is lets
         * a statement everyone agrees with become a group's best agreed statement, which then describes the group
         * by what sets nobody apart.
         */
        boolean beatsBestAgree(Stats current) {
            if (na == 0 || ra <= 1.0) {
                return false;
            }
            if (current == null) {
                return ProportionTests.significant(pat) || pa > 0.5;
            }
            return ra * rat * pa * pat > current.ra * current.rat * current.pa * current.pat;
        }

        private boolean agrees() {
            return rat > rdt;
        }

        /** The two-proportion z of the reported direction. */
        double test() {
            return agrees() ? rat : rdt;
        }

        /** Pol.is's ranking metric: ratio × two-proportion z × share × one-proportion z, of the reported direction. */
        double metric() {
            return agrees() ? ra * rat * pa * pat : rd * rdt * pd * pdt;
        }

        /** As Pol.is reports it: for agreeing when the agree test is the larger, else for disagreeing. */
        RepresentativeStatement finish(long[] keys) {
            return finish(keys, agrees());
        }

        /** The best agreed statement is reported as agreed (Pol.is flags it for its display for the same reason). */
        RepresentativeStatement finishAgreeing(long[] keys) {
            return finish(keys, true);
        }

        private RepresentativeStatement finish(long[] keys, boolean agreeing) {
            return agreeing
                    ? new RepresentativeStatement(keys[statement], Stance.AGREE, ns, pa, othersAgree, ra, rat)
                    : new RepresentativeStatement(keys[statement], Stance.DISAGREE, ns, pd, othersDisagree, rd, rdt);
        }
    }
}
