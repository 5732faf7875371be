package org.incrowd.insight.themes.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AverageLinkageTests {

    /** Points on a line at 0, 1, 2 and 10, 11 and 30: three clusters are the three runs of nearby points. */
    @Test
    void nearbyItemsEndInOneClusterAndFarOnesApart() {
        double[] at = {0, 10, 1, 30, 11, 2};

        int[] cluster = AverageLinkage.cut(distances(at), at.length, 3);

        assertThat(cluster).containsExactly(0, 1, 0, 2, 1, 0);
    }

    /**
     * Points at 0, 1, 2 and 10, 11, 12, and two strays at 40 and 90: cut at two clusters of at least three, the two
     * runs are the clusters and the strays belong to neither; a plain cut at two would keep 90 alone.
     */
    @Test
    void onlyClustersOfTheSmallestSizeCountAndSmallerOnesAreLeftOut() {
        double[] at = {0, 10, 1, 40, 11, 2, 12, 90};

        assertThat(AverageLinkage.cut(distances(at), at.length, 2, 3)).containsExactly(0, 1, 0, -1, 1, 0, 1, -1);
        assertThat(AverageLinkage.cut(distances(at), at.length, 2)).containsExactly(0, 0, 0, 0, 0, 0, 0, 1);
    }

    /** Where no level of the hierarchy has k clusters that large, the plain cut is kept. */
    @Test
    void theSmallestSizeIsDroppedWhereNoLevelHasEnoughClustersThatLarge() {
        double[] at = {0, 1, 10, 30};

        assertThat(AverageLinkage.cut(distances(at), at.length, 3, 3)).containsExactly(0, 0, 1, 2);
    }

    /** The nearest-neighbour chain gives the same clusters as merging the globally nearest pair, step by step. */
    @Test
    void givesTheClustersOfPlainAgglomeration() {
        var random = new SplittableRandom(17);
        int n = 40;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble();
            y[i] = random.nextDouble();
        }
        float[] distance = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                distance[i * n + j] = (float) Math.hypot(x[i] - x[j], y[i] - y[j]);
            }
        }
        for (int k : new int[] {1, 2, 5, 12, 39, 40}) {
            int[] chain = AverageLinkage.cut(distance.clone(), n, k);

            assertThat(chain).as("k = " + k).containsExactly(naive(distance, n, k));
        }
    }

    @Test
    void asManyClustersAsItemsLeavesEveryItemAlone() {
        int[] cluster = AverageLinkage.cut(distances(new double[] {3, 3, 3}), 3, 3);

        assertThat(cluster).containsExactly(0, 1, 2);
    }

    /** Average linkage by its definition: merge the two clusters with the least mean distance, until k are left. */
    private static int[] naive(float[] distance, int n, int k) {
        List<List<Integer>> clusters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clusters.add(new ArrayList<>(List.of(i)));
        }
        while (clusters.size() > k) {
            int bestA = 0;
            int bestB = 1;
            double best = Double.POSITIVE_INFINITY;
            for (int a = 0; a < clusters.size(); a++) {
                for (int b = a + 1; b < clusters.size(); b++) {
                    double sum = 0;
                    for (int i : clusters.get(a)) {
                        for (int j : clusters.get(b)) {
                            sum += distance[i * n + j];
                        }
                    }
                    double mean = sum / (clusters.get(a).size() * clusters.get(b).size());
                    if (mean < best) {
                        best = mean;
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            clusters.get(bestA).addAll(clusters.remove(bestB));
        }
        int[] label = new int[n];
        int next = 0;
        int[] number = new int[clusters.size()];
        java.util.Arrays.fill(number, -1);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < clusters.size(); c++) {
                if (clusters.get(c).contains(i)) {
                    if (number[c] < 0) {
                        number[c] = next++;
                    }
                    label[i] = number[c];
                }
            }
        }
        return label;
    }

    private static float[] distances(double[] at) {
        int n = at.length;
        float[] distance = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                distance[i * n + j] = (float) Math.abs(at[i] - at[j]);
            }
        }
        return distance;
    }
}
