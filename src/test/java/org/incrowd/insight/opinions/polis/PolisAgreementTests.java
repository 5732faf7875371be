package org.incrowd.insight.opinions.polis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.incrowd.insight.opinions.algorithm.AdjustedRandIndex;
import org.incrowd.insight.opinions.algorithm.MissingVotes;
import org.incrowd.insight.opinions.algorithm.OpinionAnalysis;
import org.incrowd.insight.opinions.algorithm.OpinionSettings;
import org.incrowd.insight.opinions.algorithm.VoteHistory;
import org.incrowd.insight.opinions.algorithm.VoteMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Incrowd's opinion groups against Pol.is's own, on the real conversations in {@code ../shared/data/polis}: the
 * adjusted Rand index over the participants Pol.is grouped, with the groups as the conversation's history made them
 * ({@link OpinionAnalysis#history}: the votes replayed hour by hour, each clustering starting where the one before
 * ended, as Pol.is's do). One rule set for all seven; what differs per conversation is only data the export lacks
 * (see {@link PolisConversations}). The target is 0.9; the floors are the figures reached minus a small margin.
 */
class PolisAgreementTests {

    /**
     * Measured figure (December 2026, with Pol.is's clean start and in-conv carry, ADR 55's fourth round) minus about
     * 0.02; from scratch before the history in brackets.
     */
    private static final Map<String, Double> FLOOR = Map.of(
            "15-per-hour-seattle", 0.86, // 0.884 (0.563)
            "austria-climate.5twd2jsnkf.2022-08-08", 0.95, // 0.971 (0.972)
            // Median over the meta variants 0.911 (0.931 before the clean start: lowered with it, see ADR 55).
            "brexit-consensus", 0.89,
            "canadian-electoral-reform", 0.87, // 0.898 (0.171)
            "scoop-hivemind.freshwater", 0.98, // 1.000 (1.000)
            // 0.848 (0.908): 5 groups where Pol.is has 4; the fifth splits one of Pol.is's groups.
            "scoop-hivemind.ubi", 0.82,
            // 0.849 (0.917; 0.785 before the clean start). Its votes span 19 months, most in the first weeks;
            // Pol.is's groups may come from a fresh start late in its life (a restart of its math worker resets the
            // k smoother), which no rule read from the votes can know.
            "vtaiwan.uberx", 0.83);

    /** The lowest figure among brexit-consensus's meta variants (0.780 measured; 0.816 before the clean start). */
    private static final double BREXIT_WORST_VARIANT = 0.76;

    /** The brief's bar: Incrowd groups at least this share of the participants Pol.is grouped. */
    private static final double GROUPED_SHARE = 0.9;

    @TestFactory
    Stream<DynamicTest> groupsAgreeWithPolisOnEachConversation() {
        assumeTrue(PolisConversations.available(), "no Pol.is data in " + PolisConversations.FOLDER.toAbsolutePath());
        return PolisConversations.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            var agreement = PolisConversations.agreement(name);
            System.out.printf("Pol.is agreement %-22s ARI %.3f (variants %d: %.3f..%.3f; Incrowd's math without "
                            + "meta statements: %.3f) groups %d vs Pol.is %d, grouped %d of Pol.is's %d%n", name,
                    agreement.ari(), agreement.variants(), agreement.minimum(), agreement.maximum(),
                    agreement.currentMethodAri(), agreement.groups(), agreement.polisGroups(), agreement.grouped(),
                    agreement.polisGrouped());
            assertThat(agreement.ari()).as("adjusted Rand index with Pol.is's groups on " + name)
                    .isGreaterThanOrEqualTo(FLOOR.getOrDefault(name, 0.9));
            assertThat((double) agreement.grouped()).as("participants grouped as by Pol.is on " + name)
                    .isGreaterThanOrEqualTo(GROUPED_SHARE * agreement.polisGrouped());
            if (name.equals("brexit-consensus")) {
                assertThat(agreement.minimum()).isGreaterThanOrEqualTo(BREXIT_WORST_VARIANT);
            }
        }));
    }

    @Test
    void theSameVotesAtTheSameTimesGiveTheSameGroupsWhateverOrderTheyAreRead() {
        assumeTrue(PolisConversations.available(), "no Pol.is data in " + PolisConversations.FOLDER.toAbsolutePath());
        var export = PolisConversations.read("15-per-hour-seattle");
        var forwards = VoteHistory.builder();
        var backwards = VoteHistory.builder();
        var votes = export.votes();
        for (int i = 0; i < votes.size(); i++) {
            var v = votes.get(i);
            var w = votes.get(votes.size() - 1 - i);
            forwards.vote(v.voter(), v.comment(), v.value(), v.timestamp());
            backwards.vote(w.voter(), w.comment(), w.value(), w.timestamp());
        }
        export.comments().stream().filter(PolisExport.Comment::hidden).forEach(c -> {
            forwards.exclude(c.id());
            backwards.exclude(c.id());
        });

        var once = OpinionAnalysis.history(forwards.build(), OpinionSettings.DEFAULT, MissingVotes.STATEMENT_AVERAGE);
        var again = OpinionAnalysis.history(backwards.build(), OpinionSettings.DEFAULT,
                MissingVotes.STATEMENT_AVERAGE);

        assertThat(again.placements()).isEqualTo(once.placements());
        assertThat(again.groups()).isEqualTo(once.groups());
    }

    @TestFactory
    Stream<DynamicTest> anUpdateGroupsLikeAFullAnalysisOnEachConversation() {
        assumeTrue(PolisConversations.available(), "no Pol.is data in " + PolisConversations.FOLDER.toAbsolutePath());
        return PolisConversations.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            var export = PolisConversations.read(name);
            // The conversation as it stood with 90 % of its votes, then all of them.
            var votes = new ArrayList<>(export.votes());
            votes.sort(Comparator.comparingLong(PolisExport.Vote::timestamp));
            var earlier = VoteMatrix.builder();
            var all = VoteMatrix.builder();
            export.comments().stream().filter(PolisExport.Comment::hidden).forEach(c -> {
                earlier.exclude(c.id());
                all.exclude(c.id());
            });
            for (int i = 0; i < votes.size(); i++) {
                var v = votes.get(i);
                if (i < votes.size() * 9 / 10) {
                    earlier.vote(v.voter(), v.comment(), v.value());
                }
                all.vote(v.voter(), v.comment(), v.value());
            }
            var before = OpinionAnalysis.analyse(earlier.build(), OpinionSettings.DEFAULT);
            var matrix = all.build();
            var updated = OpinionAnalysis.update(before, matrix, OpinionSettings.DEFAULT);
            var full = OpinionAnalysis.analyse(matrix, OpinionSettings.DEFAULT);

            var a = updated.placements().stream().map(p -> p.group()).toList();
            var b = full.placements().stream().map(p -> p.group()).toList();
            double ari = AdjustedRandIndex.of(a, b);
            System.out.printf("update vs full analysis %-22s ARI %.4f (components: %d steps warm, %d cold)%n",
                    name, ari, updated.model().componentIterations(), full.model().componentIterations());
            assertThat(ari).isGreaterThanOrEqualTo(0.99);
        }));
    }
}
