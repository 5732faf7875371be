package org.incrowd.insight.themes.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EvidenceAccumulationTests {

    private static final int D = 16;

    /** Four groups of 30 posts around four different points: the consensus gives each group a theme of its own. */
    @Test
    void wellSeparatedGroupsAreRecoveredExactly() {
        float[] x = groups(4, 30, 0.4, 3);
        int n = 120;

        float[] centres = EvidenceAccumulation.centres(x, n, D, 4, 42);

        assertThat(centres).hasSize(4 * D);
        assertOneThemePerGroup(nearest(x, n, centres, 4), 4, 30);
    }

    /**
     * Four groups of 30 posts on one subject and a pair of posts far from all of them, on the opposite side: four
     * themes, one for each group, and the pair is placed in those themes. Cut plainly at four, the pair (which the
     * runs keep together and apart from everyone) was a theme of its own and two groups shared one.
     */
    @Test
    void aPairOfOutlyingPostsIsFoldedIntoTheThemesInsteadOfTakingThePlaceOfAGroup() {
        int n = 122;
        float[] x = new float[n * D];
        System.arraycopy(groups(4, 30, 0.4, 3, 1), 0, x, 0, 120 * D);
        x[120 * D] = -1;
        x[120 * D + 1] = 0.1f;
        x[121 * D] = -1;
        x[121 * D + 1] = -0.1f;
        Vectors.normalise(x, 120 * D, D);
        Vectors.normalise(x, 121 * D, D);

        float[] centres = EvidenceAccumulation.centres(x, n, D, 4, 42);

        assertThat(centres).hasSize(4 * D);
        assertOneThemePerGroup(nearest(x, n, centres, 4), 4, 30);
    }

    @Test
    void aThemeHoldsThreePostsOrHalfAnEvenShareOnAForumTooSmallForThree() {
        assertThat(EvidenceAccumulation.smallestTheme(230, 11)).isEqualTo(3);
        assertThat(EvidenceAccumulation.smallestTheme(2_000, 32)).isEqualTo(3);
        assertThat(EvidenceAccumulation.smallestTheme(8, 2)).isEqualTo(2);
        assertThat(EvidenceAccumulation.smallestTheme(3, 2)).isEqualTo(1);
    }

    /** Pairs of one group share a cluster in every run; pairs across groups in none. */
    @Test
    void postsOfOneGroupAreTogetherInEveryRunAndApartFromOtherGroupsInEvery() {
        float[] x = groups(3, 20, 0.2, 13);

        float[] distance = EvidenceAccumulation.coAssociationDistance(x, 60, D, 5, 42);

        assertThat(distance[1]).isLessThan(1f);
        assertThat(distance[0 * 60 + 25]).isEqualTo(1f);
        assertThat(distance[25 * 60 + 0]).isEqualTo(1f);
        assertThat(distance[45 * 60 + 5]).isEqualTo(1f);
        assertThat(distance[7 * 60 + 7]).isZero();
    }

    @Test
    void theSamePostsGiveTheSameThemesOnEveryRun() {
        float[] x = groups(5, 25, 0.8, 21);

        float[] first = EvidenceAccumulation.centres(x, 125, D, 5, 42);
        float[] again = EvidenceAccumulation.centres(x, 125, D, 5, 42);

        assertThat(again).isEqualTo(first);
    }

    /**
     * A forum at the bound is clustered by consensus, one post more by k-means and Ward's merging: the themes' centres
     * are the consensus' own at the bound and not beyond it.
     */
    @Test
    void aForumAtTheBoundIsClusteredByConsensusAndOneOverItIsNot() {
        int limit = EvidenceAccumulation.LIMIT;
        assertThat(EvidenceAccumulation.applies(limit)).isTrue();
        assertThat(EvidenceAccumulation.applies(limit + 1)).isFalse();

        for (int n : new int[] {limit, limit + 1}) {
            float[] x = groups(40, (n + 39) / 40, 0.9, 5);
            float[][] vectors = new float[n][];
            for (int i = 0; i < n; i++) {
                vectors[i] = java.util.Arrays.copyOfRange(x, i * D, (i + 1) * D);
            }
            int k = ThemeCount.choose(n);

            MeaningThemes themes = MeaningThemes.cluster(vectors, 0, 42, 0, new int[n], new float[n]);
            float[] consensus = EvidenceAccumulation.centres(fitVectors(vectors, themes.mean), n, D, k, 42);

            if (n == limit) {
                assertThat(themes.centroids).isEqualTo(consensus);
            } else {
                assertThat(themes.centroids).isNotEqualTo(consensus);
            }
        }
    }

    /** What MeaningThemes fits on a small forum: each vector less the mean, unit length, then neighbour means. */
    private static float[] fitVectors(float[][] vectors, float[] mean) {
        int n = vectors.length;
        float[] fit = new float[n * D];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < D; j++) {
                fit[i * D + j] = vectors[i][j] - mean[j];
            }
            Vectors.normalise(fit, i * D, D);
        }
        return NeighbourMeans.smooth(fit, n, D);
    }

    /** Every group of {@code count} consecutive posts is in one theme, and no two groups share one. */
    private static void assertOneThemePerGroup(int[] theme, int groups, int count) {
        for (int group = 0; group < groups; group++) {
            int first = group * count;
            assertThat(IntStream.range(first, first + count).map(i -> theme[i]).distinct().toArray())
                    .containsExactly(theme[first]);
        }
        assertThat(IntStream.range(0, groups).map(group -> theme[group * count]).distinct().count())
                .isEqualTo(groups);
    }

    private static int[] nearest(float[] x, int n, float[] centres, int k) {
        float[] columns = Vectors.columns(centres, k, D);
        return IntStream.range(0, n).map(i -> Vectors.nearest(x, i * D, columns, k, D, new float[k])).toArray();
    }

    /**
     * {@code count} unit rows around each of {@code groups} random unit points, each its point plus Gaussian noise of
     * the given spread per dimension.
     */
    private static float[] groups(int groups, int count, double spread, long seed) {
        return groups(groups, count, spread, seed, 0);
    }

    /**
     * As above, the random points drawn as Gaussian noise of spread 1 around {@code lean} times the first axis (as the
     * posts of one Jam share its subject when {@code lean} > 0).
     */
    private static float[] groups(int groups, int count, double spread, long seed, double lean) {
        var random = new SplittableRandom(seed);
        float[] x = new float[groups * count * D];
        for (int g = 0; g < groups; g++) {
            float[] point = new float[D];
            for (int j = 0; j < D; j++) {
                point[j] = (float) gaussian(random);
            }
            if (lean > 0) {
                Vectors.normalise(point, 0, D);
                point[0] = (float) (Math.abs(point[0]) + lean);
            }
            Vectors.normalise(point, 0, D);
            for (int i = 0; i < count; i++) {
                int at = (g * count + i) * D;
                for (int j = 0; j < D; j++) {
                    x[at + j] = point[j] + (float) (spread * gaussian(random) / Math.sqrt(D));
                }
                Vectors.normalise(x, at, D);
            }
        }
        return x;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
