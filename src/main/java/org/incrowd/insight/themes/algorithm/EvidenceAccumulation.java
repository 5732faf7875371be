package org.incrowd.insight.themes.algorithm;

/**
 * Stage 4d, consensus (small forums only): evidence accumulation (Fred and Jain, "Combining multiple clusterings using
 * evidence accumulation", IEEE TPAMI 2005). k-means is run {@link #RUNS} times from different k-means++ starts, each
 * time into many small clusters ({@link #runClusters}); each pair of posts is counted in how many runs it shared a
 * cluster (the co-association), and the posts are grouped by average linkage on one minus that share
 * ({@link AverageLinkage}), cut where the wanted number of themes hold at least {@link #smallestTheme} posts each. One
 * k-means run's partition depends on where its seeds fell: two groups share a centre here, a group is cut in two
 * there. Which posts a run puts together by chance differs from run to run, and which it puts together because they
 * belong together does not, so the pairs that stay together across runs are the groups, and no single start decides
 * them. Each theme's centre is the mean of its posts; every post, and every new post later, is then placed at the
 * nearest centre by its own vector, as on larger forums: the outlying posts of the smaller clusters, which no run kept
 * with the same others, are thus folded into the nearest theme instead of taking a place among the k. Every run's
 * seed is derived from the settings' seed and the run's number, so the same posts give the same themes.
 */
final class EvidenceAccumulation {

    /**
     * Forums up to this many posts (in the fit sample) are clustered by consensus. The co-association of every pair
     * is a posts x posts matrix (2,000 posts: 4 million floats, 16 MB, held while the themes are computed), and the
     * linkage reads it a few times per post; both grow with the square of the forum, so the bound is the same as
     * {@link NeighbourMeans#LIMIT}'s, which the same kind of pairwise cost set.
     */
    static final int LIMIT = NeighbourMeans.LIMIT;
    /**
     * k-means runs combined: the co-association is then counted in steps of 1/20, fine enough for average linkage to
     * tell a pair that was apart in one run from one apart in a few (Fred and Jain found the combined partition stable
     * from a few tens of runs on), and the cost stays bounded: at {@link #LIMIT} posts the runs make 20 x 2,000 x 45
     * clusters x 384 = 6.9 x 10^8 multiply-adds per Lloyd iteration. The runs are independent, so they share the
     * cores. Chosen by that cost, not by a score.
     */
    static final int RUNS = 20;
    /**
     * Lloyd iterations per run, as for Ward's micro-clusters ({@link WardMerge#MICRO_ITERATIONS}): a run need not
     * converge, it only votes on which posts belong together, and the bound keeps twenty runs within a few times the
     * cost of one converged fit.
     */
    static final int RUN_ITERATIONS = WardMerge.MICRO_ITERATIONS;
    /** Posts of the smallest cluster that counts as a theme ({@link #smallestTheme}). */
    static final int SMALLEST_THEME = 3;
    /** Seeds of successive runs lie this far apart (a prime, so that they do not meet the restarts' own offsets). */
    private static final long RUN_SEED_STEP = 1_000_003L;

    private EvidenceAccumulation() {}

    /** Whether the themes of {@code posts} posts are found by consensus. */
    static boolean applies(int posts) {
        return posts <= LIMIT;
    }

    /**
     * The unit centres (min(k, n) rows of d) of the n unit rows of {@code x}: the means of the consensus clusters.
     */
    static float[] centres(float[] x, int n, int d, int k, long seed) {
        float[] distance = coAssociationDistance(x, n, d, runClusters(n, k), seed);
        int[] group = AverageLinkage.cut(distance, n, k, smallestTheme(n, k));
        int groups = 0;
        for (int g : group) {
            groups = Math.max(groups, g + 1);
        }
        double[] sums = new double[groups * d];
        for (int i = 0; i < n; i++) {
            if (group[i] < 0) {
                continue; // an outlying post: placed at the nearest centre afterwards, it does not pull one
            }
            for (int j = 0; j < d; j++) {
                sums[group[i] * d + j] += x[i * d + j];
            }
        }
        float[] centres = new float[groups * d];
        for (int j = 0; j < centres.length; j++) {
            centres[j] = (float) sums[j];
        }
        for (int c = 0; c < groups; c++) {
            Vectors.normalise(centres, c * d, d);
        }
        return centres;
    }

    /**
     * The fewest posts of a theme, {@value #SMALLEST_THEME}: one post is one participant's point, and two can be one
     * participant writing twice or two posts that merely share some words; three posts are the fewest that say several
     * people made a point, which is what a reader takes a theme to be. On a forum too small to give every one of its
     * k themes that many, half of an even share (n / 2k, at least one). The consensus keeps such a handful of posts
     * apart to the end because no run puts them with the same others, not because they make a point of their own.
     * Chosen by what a theme is to a reader, not by a score; ten posts, the neighbour means' neighbourhood, was
     * measured first and dropped (ADR 57, sixth addendum).
     */
    static int smallestTheme(int posts, int k) {
        return Math.max(1, Math.min(SMALLEST_THEME, posts / (2 * Math.max(k, 1))));
    }

    /**
     * Clusters per k-means run: sqrt(n), never fewer than the themes wanted. The paper's design splits the posts into
     * more, smaller clusters than there are groups and lets the consensus merge them: a run that cuts a group in two
     * costs its pairs one vote, while a run that puts two groups in one cluster would vote for every pair across them,
     * and with more clusters than groups that happens rarely. sqrt(n) is Fred and Jain's own rule of thumb for this
     * number; it grows with the forum, as {@link ThemeCount}'s sqrt(n / 2) does, and stays above it.
     */
    static int runClusters(int posts, int k) {
        return Math.min(posts, Math.max(k, (int) Math.round(Math.sqrt(posts))));
    }

    /**
     * One minus the share of runs in which each pair of rows shared a cluster (n x n, row by row; 0 on the diagonal).
     * The runs are independent and run in parallel; each is deterministic, and counts do not depend on their order.
     */
    static float[] coAssociationDistance(float[] x, int n, int d, int k, long seed) {
        int[] rows = java.util.stream.IntStream.range(0, n).toArray();
        int[][] clusters = java.util.stream.IntStream.range(0, RUNS).parallel()
                .mapToObj(run -> partition(x, d, rows, k, seed + RUN_SEED_STEP * run)).toArray(int[][]::new);
        float[] distance = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int apart = 0;
                for (int[] cluster : clusters) {
                    if (cluster[i] != cluster[j]) {
                        apart++;
                    }
                }
                distance[i * n + j] = (float) apart / RUNS;
                distance[j * n + i] = distance[i * n + j];
            }
        }
        return distance;
    }

    /** One k-means run from one start: each row's cluster. */
    private static int[] partition(float[] x, int d, int[] rows, int k, long seed) {
        float[] columns = Vectors.columns(SphericalKMeans.fit(x, d, rows, k, seed, 1, RUN_ITERATIONS), k, d);
        float[] similarities = new float[k];
        int[] cluster = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            cluster[i] = Vectors.nearest(x, rows[i] * d, columns, k, d, similarities);
        }
        return cluster;
    }
}
