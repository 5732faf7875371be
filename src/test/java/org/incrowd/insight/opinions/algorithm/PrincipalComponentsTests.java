package org.incrowd.insight.opinions.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PrincipalComponentsTests {

    @Test
    void theFirstComponentIsTheDirectionTheCampsDifferIn() {
        var votes = Camps.matrix(Camps.twoCamps(20));
        var components = PrincipalComponents.fit(votes, MissingVotes.STATEMENT_AVERAGE, null);
        double[] first = components.component(0);

        // The split statement (column 1) weighs heavily; the statement everyone agrees with (column 0) not at all.
        assertThat(Math.abs(first[votes.statementColumn(Camps.SPLIT)])).isGreaterThan(0.3);
        assertThat(first[votes.statementColumn(Camps.EVERYONE_AGREES)]).isCloseTo(0, within(1e-6));
        double norm = 0;
        for (double v : first) {
            norm += v * v;
        }
        assertThat(norm).isCloseTo(1, within(1e-9));
    }

    @Test
    void theComponentsAreOrthogonalAndSignedByTheirLargestEntry() {
        var votes = Camps.matrix(Camps.twoCamps(20));
        var components = PrincipalComponents.fit(votes, MissingVotes.STATEMENT_AVERAGE, null);
        double[] a = components.component(0);
        double[] b = components.component(1);

        double dot = 0;
        for (int j = 0; j < a.length; j++) {
            dot += a[j] * b[j];
        }
        assertThat(dot).isCloseTo(0, within(1e-9));
        assertThat(largest(a)).isPositive();
        assertThat(largest(b)).isPositive();
    }

    @Test
    void campsLandOnOppositeSidesOfTheMap() {
        var votes = Camps.matrix(Camps.twoCamps(20));
        double[][] place = PrincipalComponents.fit(votes, MissingVotes.STATEMENT_AVERAGE, null).project(votes);

        double a = place[0][votes.participantRow(1)];
        double b = place[0][votes.participantRow(101)];
        assertThat(Math.signum(a)).isEqualTo(-Math.signum(b));
    }

    @Test
    void aWarmStartReachesTheSameComponentsInFewerSteps() {
        var votes = Camps.matrix(Camps.twoCamps(20));
        var cold = PrincipalComponents.fit(votes, MissingVotes.STATEMENT_AVERAGE, null);
        var warm = PrincipalComponents.fit(votes, MissingVotes.STATEMENT_AVERAGE, cold);

        assertThat(warm.iterations()).isLessThanOrEqualTo(cold.iterations());
        assertThat(warm.component(0)).containsExactly(cold.component(0), within(1e-4));
    }

    @Test
    void fewVotesArePushedOutwardsBySparsityScaling() {
        // Two participants vote alike on the split, one also on everything else: the one who said less is scaled
        // up by √(statements / votes), so both sit at a comparable distance from the centre.
        var builder = VoteMatrix.builder();
        Camps.twoCamps(20).forEach(v -> builder.vote(v.participant(), v.statement(), v.value()));
        builder.vote(999, Camps.SPLIT, 1);
        var votes = builder.build();
        double[][] place = PrincipalComponents.fit(votes, MissingVotes.STATEMENT_AVERAGE, null).project(votes);

        double sparse = Math.abs(place[0][votes.participantRow(999)]);
        double full = Math.abs(place[0][votes.participantRow(1)]);
        assertThat(sparse).isGreaterThan(full / 3);
    }

    private static double largest(double[] v) {
        double best = 0;
        for (double x : v) {
            if (Math.abs(x) > Math.abs(best)) {
                best = x;
            }
        }
        return best;
    }
}
