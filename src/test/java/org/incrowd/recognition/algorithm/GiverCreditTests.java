package org.incrowd.recognition.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.incrowd.recognition.CreditKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The weighting's stages, each on the smallest group of acts that shows it. */
class GiverCreditTests {

    private static final EnumSet<CreditKind> ALL = EnumSet.allOf(CreditKind.class);

    @Test
    void helpingOneselfEarnsNothing() {
        var acts = new GiverCredit.Acts().add(1, 1, CreditKind.HELPFUL).add(1, 1, CreditKind.SOLUTION);

        assertThat(total(GiverCredit.compute(acts, ALL), 1)).isZero();
    }

    @Test
    void theSameBeneficiaryCountsLessEachTimeWhileManyPeopleCountInFull() {
        var repeated = new GiverCredit.Acts();
        var spread = new GiverCredit.Acts();
        for (int i = 0; i < 4; i++) {
            repeated.add(1, 2, CreditKind.HELPFUL);
            spread.add(1, 10 + i, CreditKind.HELPFUL);
        }

        assertThat(total(GiverCredit.compute(repeated, ALL), 1)).isCloseTo(1 + 1 / 2.0 + 1 / 3.0 + 1 / 4.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(total(GiverCredit.compute(spread, ALL), 1)).isEqualTo(4.0);
    }

    @Test
    void helpThatComesBackIsDiscountedButHelpThatGoesOnIsNot() {
        var reciprocal = new GiverCredit.Acts().add(1, 2, CreditKind.HELPFUL).add(2, 1, CreditKind.HELPFUL);
        var chain = new GiverCredit.Acts().add(1, 2, CreditKind.HELPFUL).add(2, 3, CreditKind.HELPFUL);

        assertThat(total(GiverCredit.compute(reciprocal, ALL), 1)).isEqualTo(GiverCredit.LOOP_FACTOR);
        assertThat(total(GiverCredit.compute(chain, ALL), 1)).isEqualTo(1.0);
        assertThat(total(GiverCredit.compute(chain, ALL), 2)).isEqualTo(1.0);
    }

    @Test
    void kindsSwitchedOffEarnNothingAndTakeNoPlaceInTheRepetition() {
        var acts = new GiverCredit.Acts().add(1, 2, CreditKind.SOLUTION).add(1, 2, CreditKind.HELPFUL);

        var credits = GiverCredit.compute(acts, EnumSet.of(CreditKind.HELPFUL));

        assertThat(credits).containsExactly(new GiverCredit.Credit(1, CreditKind.HELPFUL, 1.0, 1));
    }

    @Test
    void helpForTheWholeCommunityIsNeverALoop() {
        var acts = new GiverCredit.Acts().add(1, GiverCredit.COMMUNITY, CreditKind.FACILITATION)
                .add(2, GiverCredit.COMMUNITY, CreditKind.FACILITATION);

        assertThat(total(GiverCredit.compute(acts, ALL), 1)).isEqualTo(1.0);
    }

    /**
     * The stated bound, measured: rings of k accounts that only mark each other (every member marks every other one,
     * or each marks only the next, repeatedly) against the same number of acts spread over the community.
     */
    @ParameterizedTest(name = "a {0} ring of {1} accounts, {2} rounds")
    @CsvSource({"complete, 2, 1", "complete, 3, 1", "complete, 5, 2", "complete, 8, 3", "complete, 20, 1",
            "cycle, 3, 1", "cycle, 4, 1", "cycle, 4, 6"})
    void aRingGainsAtMostTheStatedShareOfSpreadHelp(String shape, int k, int rounds) {
        var ring = new GiverCredit.Acts();
        int acts = 0;
        for (int round = 0; round < rounds; round++) {
            for (int giver = 1; giver <= k; giver++) {
                for (int other = 1; other <= k; other++) {
                    boolean marks = shape.equals("complete") ? other != giver : other == giver % k + 1;
                    if (marks) {
                        ring.add(giver, other, CreditKind.HELPFUL);
                        acts++;
                    }
                }
            }
        }
        var spread = new GiverCredit.Acts();
        for (int act = 0; act < acts; act++) {
            spread.add(1 + act % k, 1000 + act, CreditKind.HELPFUL);
        }

        double ringCredit = sum(GiverCredit.compute(ring, ALL));
        double spreadCredit = sum(GiverCredit.compute(spread, ALL));

        assertThat(spreadCredit).isEqualTo(acts);
        assertThat(ringCredit / spreadCredit).isLessThanOrEqualTo(GiverCredit.RING_SHARE_BOUND + 1e-9); // rounding of the sums
    }

    private static double total(List<GiverCredit.Credit> credits, long personId) {
        return credits.stream().filter(c -> c.personId() == personId).mapToDouble(GiverCredit.Credit::credit).sum();
    }

    private static double sum(List<GiverCredit.Credit> credits) {
        return credits.stream().mapToDouble(GiverCredit.Credit::credit).sum();
    }
}
