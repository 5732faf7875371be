package org.incrowd.insight.themes.algorithm;

import java.util.SplittableRandom;

/**
 * Stage 4b, cluster: spherical k-means (Dhillon and Modha 2001), k-means on unit vectors with cosine similarity,
 * the variant that suits text. Seeded by k-means++ (Arthur and Vassilvitskii 2007) from a fixed seed; a few restarts
 * on smaller inputs keep the run with the highest total similarity. The assignment step runs in fixed chunks and
 * centroid sums are added in chunk order, so the result is the same on every run and machine.
 */
final class SphericalKMeans {

    private static final int MAX_ITERATIONS = 40;
    /**
     * Restarts are run while one fit costs at most this many multiply-adds per iteration (posts x themes x
     * dimensions): 10,000 posts, 100 themes, 100 dimensions. Counting the dimensions too keeps a fit on sentence
     * vectors (384 numbers each) as cheap as one on the latent space's 100.
     */
    static final long RESTART_BUDGET = 100_000_000L;
    /**
     * Lloyd iterations stop once at most one post in this many changes theme: the last iterations move a handful of
     * posts at the borders between themes, cost as much as the first, and change no theme a reader would notice.
     */
    static final int SETTLED = 1_000;

    private SphericalKMeans() {}

    /**
     * Centroids (k rows of d, unit length) for the rows {@code rows} of {@code x}. {@code k} must not exceed the
     * number of rows.
     */
    static float[] fit(float[] x, int d, int[] rows, int k, long seed, int restarts) {
        return fit(x, d, rows, k, seed, restarts, MAX_ITERATIONS);
    }

    /** As {@link #fit(float[], int, int[], int, long, int)}, with at most {@code iterations} Lloyd iterations. */
    static float[] fit(float[] x, int d, int[] rows, int k, long seed, int restarts, int iterations) {
        float[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int restart = 0; restart < restarts; restart++) {
            float[] centroids = seed(x, d, rows, k, new SplittableRandom(seed + 7919L * restart));
            double score = lloyd(x, d, rows, k, centroids, iterations);
            if (score > bestScore) {
                bestScore = score;
                best = centroids;
            }
        }
        return best;
    }

    /** Three restarts where the fit is cheap ({@link #RESTART_BUDGET}), else one. */
    static int restarts(int posts, int k, int d) {
        return (long) posts * k * d <= RESTART_BUDGET ? 3 : 1;
    }

    /** k-means++: each next seed is drawn with probability proportional to its squared distance to the nearest seed. */
    private static float[] seed(float[] x, int d, int[] rows, int k, SplittableRandom random) {
        int n = rows.length;
        float[] centroids = new float[k * d];
        double[] distance = new double[n];
        int first = rows[random.nextInt(n)];
        System.arraycopy(x, first * d, centroids, 0, d);
        for (int i = 0; i < n; i++) {
            distance[i] = squaredDistance(x, rows[i] * d, centroids, 0, d);
        }
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double value : distance) {
                total += value;
            }
            int pick = n - 1;
            if (total > 0) {
                double target = random.nextDouble() * total;
                double running = 0;
                for (int i = 0; i < n; i++) {
                    running += distance[i];
                    if (running >= target && distance[i] > 0) {
                        pick = i;
                        break;
                    }
                }
            } else {
                pick = random.nextInt(n);
            }
            System.arraycopy(x, rows[pick] * d, centroids, c * d, d);
            for (int i = 0; i < n; i++) {
                distance[i] = Math.min(distance[i], squaredDistance(x, rows[i] * d, centroids, c * d, d));
            }
        }
        return centroids;
    }

    /** For unit vectors |a - b|^2 = 2 - 2 a.b. */
    private static double squaredDistance(float[] x, int at, float[] centroids, int cAt, int d) {
        return Math.max(0, 2 - 2 * (double) Vectors.dot(x, at, centroids, cAt, d));
    }

    /**
     * Lloyd iterations until the themes settle ({@link #SETTLED}) or {@code iterations} ran; returns the total
     * similarity of posts to their centroids.
     */
    private static double lloyd(float[] x, int d, int[] rows, int k, float[] centroids, int iterations) {
        int n = rows.length;
        int[] assignment = new int[n];
        java.util.Arrays.fill(assignment, -1);
        float[] similarity = new float[n];
        double score = 0;
        for (int iteration = 0; iteration < iterations; iteration++) {
            int chunks = Chunks.count(n);
            double[][] sums = new double[chunks][];
            int[][] counts = new int[chunks][];
            int[] changed = new int[chunks];
            double[] scores = new double[chunks];
            float[] columns = Vectors.columns(centroids, k, d);
            Chunks.forEach(n, c -> {
                double[] sum = new double[k * d];
                int[] count = new int[k];
                float[] similarities = new float[k];
                for (int i = Chunks.start(c); i < Chunks.end(c, n); i++) {
                    int at = rows[i] * d;
                    int nearest = Vectors.nearest(x, at, columns, k, d, similarities);
                    similarity[i] = similarities[nearest];
                    scores[c] += similarity[i];
                    if (assignment[i] != nearest) {
                        assignment[i] = nearest;
                        changed[c]++;
                    }
                    count[nearest]++;
                    for (int j = 0; j < d; j++) {
                        sum[nearest * d + j] += x[at + j];
                    }
                }
                sums[c] = sum;
                counts[c] = count;
            });
            score = 0;
            int moves = 0;
            double[] sum = new double[k * d];
            int[] count = new int[k];
            for (int c = 0; c < chunks; c++) {
                score += scores[c];
                moves += changed[c];
                for (int j = 0; j < sum.length; j++) {
                    sum[j] += sums[c][j];
                }
                for (int j = 0; j < k; j++) {
                    count[j] += counts[c][j];
                }
            }
            if (moves <= n / SETTLED) {
                break;
            }
            for (int c = 0; c < k; c++) {
                if (count[c] == 0) {
                    reseed(x, d, rows, similarity, centroids, c);
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    centroids[c * d + j] = (float) sum[c * d + j];
                }
                Vectors.normalise(centroids, c * d, d);
            }
        }
        return score;
    }

    /** An empty cluster restarts at the post that fits its own theme worst (the lowest index on ties). */
    private static void reseed(float[] x, int d, int[] rows, float[] similarity, float[] centroids, int c) {
        int worst = 0;
        for (int i = 1; i < rows.length; i++) {
            if (similarity[i] < similarity[worst]) {
                worst = i;
            }
        }
        similarity[worst] = Float.POSITIVE_INFINITY;
        System.arraycopy(x, rows[worst] * d, centroids, c * d, d);
    }
}
