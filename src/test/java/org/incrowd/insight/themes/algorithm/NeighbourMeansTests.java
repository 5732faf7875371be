package org.incrowd.insight.themes.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NeighbourMeansTests {

    private static final int D = 16;

    /** Three groups of 25 posts each, scattered around three different points: each comes back as one theme. */
    @Test
    void wellSeparatedGroupsOfASmallForumAreRecoveredExactly() {
        float[][] vectors = groups(3, 25, 0.35, 7);
        int[] cluster = new int[vectors.length];

        MeaningThemes.cluster(vectors, 3, 42, 0, cluster, new float[vectors.length]);

        for (int group = 0; group < 3; group++) {
            int first = group * 25;
            assertThat(IntStream.range(first, first + 25).map(i -> cluster[i]).distinct().toArray())
                    .containsExactly(cluster[first]);
        }
        assertThat(IntStream.of(cluster[0], cluster[25], cluster[50]).distinct().count()).isEqualTo(3);
    }

    /** A noisy post ends nearer the point its group shares than it was, so groups come out tighter. */
    @Test
    void aPostIsPulledTowardsWhatItsNeighboursShare() {
        float[][] vectors = groups(2, 20, 0.6, 11);
        float[] x = rows(vectors);
        float[] shared = rows(groups(2, 1, 0, 11));

        float[] smoothed = NeighbourMeans.smooth(x, vectors.length, D);

        for (int i = 0; i < 20; i++) {
            assertThat(Vectors.dot(smoothed, i * D, shared, 0, D)).isGreaterThan(Vectors.dot(x, i * D, shared, 0, D));
        }
    }

    @Test
    void theSamePostsGiveTheSameSmoothedVectorsAndThemes() {
        float[][] vectors = groups(4, 30, 0.5, 5);
        int[] first = new int[vectors.length];
        int[] again = new int[vectors.length];

        MeaningThemes.cluster(vectors, 0, 42, 0, first, new float[vectors.length]);
        MeaningThemes.cluster(vectors, 0, 42, 0, again, new float[vectors.length]);

        assertThat(again).isEqualTo(first);
        assertThat(NeighbourMeans.smooth(rows(vectors), vectors.length, D))
                .isEqualTo(NeighbourMeans.smooth(rows(vectors), vectors.length, D));
    }

    /** Too few posts to have a neighbourhood, or so many that comparing every pair would cost more than the fit. */
    @Test
    void onlyForumsWithANeighbourhoodAndWithinTheLimitAreSmoothed() {
        assertThat(NeighbourMeans.applies(NeighbourMeans.NEIGHBOURS)).isFalse();
        assertThat(NeighbourMeans.applies(NeighbourMeans.NEIGHBOURS + 1)).isTrue();
        assertThat(NeighbourMeans.applies(NeighbourMeans.LIMIT)).isTrue();
        assertThat(NeighbourMeans.applies(NeighbourMeans.LIMIT + 1)).isFalse();
    }

    @Test
    void aForumOfAFewPostsStillGetsThemes() {
        float[][] vectors = groups(2, 3, 0.1, 9);
        int[] cluster = new int[vectors.length];

        MeaningThemes themes = MeaningThemes.cluster(vectors, 2, 42, 0, cluster, new float[vectors.length]);

        assertThat(themes.k).isEqualTo(2);
        assertThat(cluster[0]).isEqualTo(cluster[2]).isNotEqualTo(cluster[3]);
        assertThat(cluster[3]).isEqualTo(cluster[5]);
    }

    /**
     * {@code count} posts around each of {@code groups} points, each point a random unit vector, each post its point
     * plus Gaussian noise of the given spread per dimension.
     */
    private static float[][] groups(int groups, int count, double spread, long seed) {
        var random = new SplittableRandom(seed);
        float[][] points = new float[groups][D];
        for (float[] point : points) {
            for (int j = 0; j < D; j++) {
                point[j] = (float) gaussian(random);
            }
            Vectors.normalise(point, 0, D);
        }
        var noise = new SplittableRandom(seed + 1);
        float[][] vectors = new float[groups * count][D];
        for (int g = 0; g < groups; g++) {
            for (int i = 0; i < count; i++) {
                for (int j = 0; j < D; j++) {
                    vectors[g * count + i][j] = points[g][j] + (float) (spread * gaussian(noise) / Math.sqrt(D));
                }
                Vectors.normalise(vectors[g * count + i], 0, D);
            }
        }
        return vectors;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static float[] rows(float[][] vectors) {
        float[] x = new float[vectors.length * D];
        for (int i = 0; i < vectors.length; i++) {
            System.arraycopy(vectors[i], 0, x, i * D, D);
            Vectors.normalise(x, i * D, D);
        }
        return x;
    }
}
