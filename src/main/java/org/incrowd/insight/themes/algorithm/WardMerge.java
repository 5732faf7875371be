package org.incrowd.insight.themes.algorithm;

/**
 * Stage 4c, refine: k-means over-segments the posts into more clusters than themes are wanted, and those
 * micro-clusters are then merged, two at a time, by Ward's criterion (Ward 1963): the pair whose merging adds least to
 * the within-cluster sum of squares, {@code n_a n_b / (n_a + n_b) |m_a - m_b|^2}, until k are left. This is the
 * two-phase scheme of BIRCH (Zhang, Ramakrishnan and Livny 1996) and of Ward-then-k-means (Milligan 1980): k-means
 * alone must place k centres at once from random seeds and settles in a local optimum where two groups share a centre
 * while another group is cut in two; with several centres per group no group is shared, and Ward's merges, which
 * compare whole clusters with their sizes, join the pieces of a group before joining groups. The merged clusters'
 * centres are returned; every post is then placed at its nearest one, as before. Ties go to the lowest pair of
 * indexes, so the result is deterministic.
 */
final class WardMerge {

    /** Micro-clusters per wanted theme: enough that no group has to share a centre, few enough to stay cheap. */
    static final int MICRO_PER_THEME = 3;
    /**
     * Lloyd iterations for the micro-clusters. They need not converge: they are a fine partition whose borders the
     * merge and the final placement at the merged centres decide again; the bound keeps their fit, with three times
     * as many centres, near the cost of one k-means fit with the wanted number.
     */
    static final int MICRO_ITERATIONS = 10;

    private WardMerge() {}

    /**
     * Posts a micro-cluster needs at least: with fewer, a stray post or two makes a micro-cluster of its own, and
     * Ward's criterion, which charges a merge by the sizes it joins, keeps such a small far cluster apart to the end,
     * as a theme, while two real groups are merged (a dozen posts on two subjects came out split across both themes).
     * Ten is the smallest topic BERTopic keeps by default ({@code min_topic_size}); on a small forum the micro level
     * then falls away and plain k-means places the k centres.
     */
    static final int MIN_MICRO_SIZE = 10;

    /** How many micro-clusters to fit for {@code k} themes over {@code posts} posts ({@link #MIN_MICRO_SIZE} each). */
    static int microClusters(int posts, int k) {
        return Math.max(k, Math.min(MICRO_PER_THEME * k, posts / MIN_MICRO_SIZE));
    }

    /**
     * k unit centres (k rows of d) for the rows {@code rows} of {@code x} (unit vectors), from the {@code m}
     * micro-centres {@code micro} merged by Ward's criterion; fewer than k when fewer micro-clusters hold a post.
     */
    static float[] merge(float[] x, int d, int[] rows, float[] micro, int m, int k) {
        double[] sums = new double[m * d];
        int[] sizes = new int[m];
        sumByNearest(x, d, rows, micro, m, sums, sizes);
        int[] live = java.util.stream.IntStream.range(0, m).filter(c -> sizes[c] > 0).toArray();
        int groups = Math.min(k, live.length);
        int[] group = mergeGroups(sums, sizes, d, live, groups);
        float[] centres = new float[groups * d];
        for (int i = 0; i < live.length; i++) {
            for (int j = 0; j < d; j++) {
                centres[group[i] * d + j] += (float) sums[live[i] * d + j];
            }
        }
        for (int c = 0; c < groups; c++) {
            Vectors.normalise(centres, c * d, d);
        }
        return centres;
    }

    /** Each row's vector added to the sum of its nearest micro-centre; chunk sums are added in chunk order. */
    private static void sumByNearest(float[] x, int d, int[] rows, float[] micro, int m, double[] sums, int[] sizes) {
        int n = rows.length;
        float[] columns = Vectors.columns(micro, m, d);
        int[] nearest = new int[n];
        Chunks.forEach(n, c -> {
            float[] similarities = new float[m];
            for (int i = Chunks.start(c); i < Chunks.end(c, n); i++) {
                nearest[i] = Vectors.nearest(x, rows[i] * d, columns, m, d, similarities);
            }
        });
        for (int i = 0; i < n; i++) {
            int at = rows[i] * d;
            sizes[nearest[i]]++;
            for (int j = 0; j < d; j++) {
                sums[nearest[i] * d + j] += x[at + j];
            }
        }
    }

    /**
     * Ward's agglomeration of the clusters {@code live} (their vector sums and sizes) down to {@code k} groups; returns
     * each live cluster's group, numbered 0..k-1 in order of its first cluster.
     */
    private static int[] mergeGroups(double[] sums, int[] sizes, int d, int[] live, int k) {
        int m = live.length;
        double[] means = new double[m * d];
        double[] size = new double[m];
        for (int i = 0; i < m; i++) {
            size[i] = sizes[live[i]];
            for (int j = 0; j < d; j++) {
                means[i * d + j] = sums[live[i] * d + j] / size[i];
            }
        }
        double[] cost = new double[m * m];
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                cost[a * m + b] = ward(means, size, d, a, b);
            }
        }
        int[] root = new int[m];
        boolean[] alive = new boolean[m];
        for (int i = 0; i < m; i++) {
            root[i] = i;
            alive[i] = true;
        }
        for (int left = m; left > k; left--) {
            int bestA = -1;
            int bestB = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int a = 0; a < m; a++) {
                if (!alive[a]) {
                    continue;
                }
                for (int b = a + 1; b < m; b++) {
                    if (alive[b] && cost[a * m + b] < best) {
                        best = cost[a * m + b];
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            join(means, size, d, bestA, bestB);
            alive[bestB] = false;
            for (int i = 0; i < m; i++) {
                if (root[i] == bestB) {
                    root[i] = bestA;
                }
            }
            for (int other = 0; other < m; other++) {
                if (alive[other] && other != bestA) {
                    double c = ward(means, size, d, bestA, other);
                    cost[Math.min(bestA, other) * m + Math.max(bestA, other)] = c;
                }
            }
        }
        int[] groupOfRoot = new int[m];
        java.util.Arrays.fill(groupOfRoot, -1);
        int[] group = new int[m];
        int groups = 0;
        for (int i = 0; i < m; i++) {
            if (groupOfRoot[root[i]] < 0) {
                groupOfRoot[root[i]] = groups++;
            }
            group[i] = groupOfRoot[root[i]];
        }
        return group;
    }

    /** The increase in within-cluster sum of squares if clusters a and b were merged. */
    private static double ward(double[] means, double[] size, int d, int a, int b) {
        double distance = 0;
        for (int j = 0; j < d; j++) {
            double diff = means[a * d + j] - means[b * d + j];
            distance += diff * diff;
        }
        return size[a] * size[b] / (size[a] + size[b]) * distance;
    }

    /** Cluster a becomes a and b together (b's row is left unused). */
    private static void join(double[] means, double[] size, int d, int a, int b) {
        double total = size[a] + size[b];
        for (int j = 0; j < d; j++) {
            means[a * d + j] = (means[a * d + j] * size[a] + means[b * d + j] * size[b]) / total;
        }
        size[a] = total;
    }
}
