package org.incrowd.insight.opinions.polis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.incrowd.insight.opinions.algorithm.AdjustedRandIndex;
import org.incrowd.insight.opinions.algorithm.OpinionAnalysis;
import org.incrowd.insight.opinions.algorithm.OpinionSettings;
import org.incrowd.insight.opinions.algorithm.VoteMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Incrowd's opinion groups against Pol.is's own, on the real conversations in {@code ../shared/data/polis}: the
 * adjusted Rand index over the participants Pol.is grouped. The target is 0.9. The floors below are the figures
 * reached minus a small margin; where a conversation stays below the target, its comment says why (see also
 * {@link PolisConversations}).
 */
class PolisAgreementTests {

    /** Honest floors: measured figure minus about 0.02. */
    private static final Map<String, Double> FLOOR = Map.of(
            "vtaiwan.uberx", 0.90, // measured 0.917
            "scoop-hivemind.ubi", 0.89, // measured 0.908, with the 2017 math and statements 32-42 as meta
            "brexit-consensus", 0.90, // median over the meta variants consistent with who Pol.is grouped: 0.931
            // Measured 0.563. Below target: the export holds the last of groups Pol.is evolved from 2014 to 2019,
            // each recomputation starting from the previous clusters (under several versions of its math). From
            // scratch, k-means reaches another split of the same two camps: Pol.is's smaller group (39) lies
            // entirely inside our smaller group (56); the boundary sits elsewhere. Replaying the votes in time
            // order through Pol.is's incremental rules (a prototype outside this project) gave 0.88.
            "15-per-hour-seattle", 0.54,
            // Three conversations added to ../shared/data/polis after the method was built, never used to tune it.
            // Measured 0.972, grouped 900 as Pol.is (0.684 and 827 before): Pol.is counts a participant's votes on
            // statements hidden by moderation when deciding who is grouped (see Participation).
            "austria-climate.5twd2jsnkf.2022-08-08", 0.95,
            // Measured 1.000, grouped 117 as Pol.is (0.048 and 100 before): last votes 2017, so the 2017 math, with
            // its demographic questions as meta statements, as on scoop-hivemind.ubi.
            "scoop-hivemind.freshwater", 0.98,
            // Measured 0.171; 3 groups where Pol.is has 2, the same 281 people grouped. Below target, cause not
            // proven (December 2026). Pol.is's groups are a small group of heavy voters who disagree more (16) and
            // the rest (265). Counting an unseen statement as a pass, with who is grouped unchanged, gives 0.749
            // (and 0.802 on 15-per-hour-seattle) but 0.680 on vtaiwan.uberx and 0.075 on austria: so probably
            // clusters Pol.is formed under older math and carried over from recompute to recompute (like
            // 15-per-hour-seattle), which no rule for all conversations reproduces. The floor keeps it from worsening.
            "canadian-electoral-reform", 0.15);

    /** The lowest figure among brexit-consensus's meta variants (0.816 measured). */
    private static final double BREXIT_WORST_VARIANT = 0.80;

    @TestFactory
    Stream<DynamicTest> groupsAgreeWithPolisOnEachConversation() {
        assumeTrue(PolisConversations.available(), "no Pol.is data in " + PolisConversations.FOLDER.toAbsolutePath());
        return PolisConversations.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            var agreement = PolisConversations.agreement(name);
            System.out.printf("Pol.is agreement %-22s ARI %.3f (variants %d: %.3f..%.3f; Pol.is's current math "
                            + "without meta statements: %.3f) groups %d vs Pol.is %d, grouped %d vs %d%n", name,
                    agreement.ari(), agreement.variants(), agreement.minimum(), agreement.maximum(),
                    agreement.currentMethodAri(), agreement.groups(), agreement.polisGroups(), agreement.grouped(),
                    agreement.polisGrouped());
            assertThat(agreement.ari()).as("adjusted Rand index with Pol.is's groups on " + name)
                    .isGreaterThanOrEqualTo(FLOOR.getOrDefault(name, 0.9));
            if (name.equals("brexit-consensus")) {
                assertThat(agreement.minimum()).isGreaterThanOrEqualTo(BREXIT_WORST_VARIANT);
            }
        }));
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
