package org.incrowd.insight.opinions.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KMeansTests {

    @Test
    void theGridFindsExactlyTheNearestCentre() {
        var random = new SplittableRandom(1);
        double[] px = random.doubles(20_000, -5, 5).toArray();
        double[] py = random.doubles(20_000, -5, 5).toArray();
        double[] cx = random.doubles(100, -5, 5).toArray();
        double[] cy = random.doubles(100, -5, 5).toArray();
        int[] assignment = new int[px.length];

        KMeans.assign(px, py, cx, cy, assignment);

        for (int i = 0; i < px.length; i++) {
            assertThat(assignment[i]).isEqualTo(bruteForceNearest(px[i], py[i], cx, cy));
        }
    }

    @Test
    void theGridLeavesLloydsResultUnchanged() {
        var random = new SplittableRandom(2);
        double[] px = random.doubles(30_000, -5, 5).toArray();
        double[] py = random.doubles(30_000, -5, 5).map(y -> y * y / 3).toArray();
        double[][] start = KMeans.firstDistinct(px, py, 50);

        var fast = KMeans.run(px, py, null, start[0], start[1], 11);
        var plain = plainLloyd(px, py, start[0], start[1], 11);

        assertThat(fast.assignment()).isEqualTo(plain.assignment());
        assertThat(fast.x()).isEqualTo(plain.x());
    }

    @Test
    void findsTheNearestCentreForPointsOnCellEdgesAndTies() {
        // Points on a lattice (many exactly on cell edges) and centres at equal distances: ties go to the lower
        // number, as a full scan gives.
        double[] px = new double[441];
        double[] py = new double[441];
        for (int i = 0; i < 441; i++) {
            px[i] = i % 21 * 0.5;
            py[i] = i / 21 * 0.5;
        }
        double[] cx = {2.5, 7.5, 2.5, 7.5, 5};
        double[] cy = {2.5, 2.5, 7.5, 7.5, 5};
        int[] assignment = new int[px.length];

        KMeans.assign(px, py, cx, cy, assignment);

        for (int i = 0; i < px.length; i++) {
            assertThat(assignment[i]).as("point %d", i).isEqualTo(bruteForceNearest(px[i], py[i], cx, cy));
        }
    }

    @Test
    void findsTwoObviousClustersAndDropsEmptyOnes() {
        double[] px = {0, 0.1, 0.2, 10, 10.1, 10.2};
        double[] py = {0, 0.1, 0, 10, 10, 10.1};
        // The third start is far from every point: it gets none and is dropped, as in Pol.is.
        var clustering = KMeans.run(px, py, null, new double[] {1, 9, 100}, new double[] {1, 9, 100}, 21);

        assertThat(clustering.size()).isEqualTo(2);
        assertThat(clustering.assignment()).containsExactly(0, 0, 0, 1, 1, 1);
        assertThat(clustering.x()[1]).isCloseTo(10.1, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void weightsPullTheCentre() {
        var clustering = KMeans.run(new double[] {0, 10}, new double[] {0, 0}, new double[] {3, 1},
                new double[] {5}, new double[] {0}, 5);

        assertThat(clustering.x()[0]).isEqualTo(2.5);
        assertThat(clustering.weight()[0]).isEqualTo(4);
    }

    @Test
    void startsFromTheFirstDistinctPoints() {
        double[][] start = KMeans.firstDistinct(new double[] {1, 1, 2, 3}, new double[] {1, 1, 2, 3}, 2);

        assertThat(start[0]).containsExactly(1, 2);
    }

    private static int bruteForceNearest(double x, double y, double[] cx, double[] cy) {
        int best = 0;
        for (int c = 1; c < cx.length; c++) {
            double d = (cx[c] - x) * (cx[c] - x) + (cy[c] - y) * (cy[c] - y);
            double b = (cx[best] - x) * (cx[best] - x) + (cy[best] - y) * (cy[best] - y);
            if (d < b) {
                best = c;
            }
        }
        return best;
    }

    /** Lloyd's algorithm written plainly, with Pol.is's stopping rule, to check the fast one against. */
    private static KMeans.Clustering plainLloyd(double[] px, double[] py, double[] sx, double[] sy, int rounds) {
        double[] cx = sx.clone();
        double[] cy = sy.clone();
        int[] assignment = new int[px.length];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < px.length; i++) {
                assignment[i] = bruteForceNearest(px[i], py[i], cx, cy);
            }
            double[] nx = new double[cx.length];
            double[] ny = new double[cx.length];
            double[] w = new double[cx.length];
            for (int i = 0; i < px.length; i++) {
                nx[assignment[i]] += px[i];
                ny[assignment[i]] += py[i];
                w[assignment[i]]++;
            }
            double moved = 0;
            for (int c = 0; c < cx.length; c++) {
                assertThat(w[c]).as("no centre empties in this data").isPositive();
                moved = Math.max(moved, Math.hypot(nx[c] / w[c] - cx[c], ny[c] / w[c] - cy[c]));
                cx[c] = nx[c] / w[c];
                cy[c] = ny[c] / w[c];
            }
            if (moved < KMeans.SETTLED) {
                break;
            }
        }
        return new KMeans.Clustering(cx, cy, assignment, Arrays.copyOf(cx, 0), new int[0]);
    }
}
