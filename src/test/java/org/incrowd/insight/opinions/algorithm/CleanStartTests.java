package org.incrowd.insight.opinions.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a clustering that follows an earlier one starts (Pol.is's clean-start-clusters). */
class CleanStartTests {

    @Test
    void anEarlierClusterStartsAtItsMembersPlacesNowAndTheMostDistalPointStartsTheNextCluster() {
        // Cluster 0 had the first two; two newcomers, one near them, one far off, and one in between.
        double[] x = {0, 1, 0.5, 10, 4};
        double[] y = {0, 0, 0, 10, 4};
        int[] earlier = {0, 0, -1, -1, -1};

        var start = CleanStart.of(x, y, null, earlier, 2);

        assertThat(start.x()).containsExactly(0.5, 10.0);
        assertThat(start.y()).containsExactly(0.0, 10.0);
        assertThat(start.origin()).containsExactly(0, -1);
    }

    @Test
    void clustersThatNowStartAtTheSamePlaceAreMergedAndNoMoreClustersStartThanThereAreDistinctPoints() {
        double[] x = {0, 0, 5};
        double[] y = {0, 0, 5};
        int[] earlier = {0, 1, 2};

        var start = CleanStart.of(x, y, null, earlier, 3);

        assertThat(start.x()).containsExactly(0.0, 5.0);
        // Equal members: the later cluster goes on, as Pol.is's merge-clusters keeps the later id on a tie.
        assertThat(start.origin()).containsExactly(1, 2);
    }

    @Test
    void theMergedClusterContinuesTheOneWithMoreMembers() {
        double[] x = {0, 0, 0, 5};
        double[] y = {0, 0, 0, 5};
        int[] earlier = {1, 1, 0, 2};

        var start = CleanStart.of(x, y, null, earlier, 3);

        assertThat(start.x()).containsExactly(0.0, 5.0);
        assertThat(start.origin()).containsExactly(1, 2);
    }

    @Test
    void anEarlierClusterWithoutMembersNowIsDroppedAndWeightsPullTheCentre() {
        double[] x = {0, 3, 6};
        double[] y = {0, 0, 0};
        double[] weights = {1, 1, 2};
        int[] earlier = {-1, 1, 1};

        var start = CleanStart.of(x, y, weights, earlier, 1);

        assertThat(start.x()).containsExactly(5.0);
        assertThat(start.origin()).containsExactly(1);
    }
}
