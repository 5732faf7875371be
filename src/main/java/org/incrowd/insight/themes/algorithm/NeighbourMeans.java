package org.incrowd.insight.themes.algorithm;

/**
 * Stage 4a, denoise (small forums only): before the centres are fitted, each post's vector is replaced by itself plus
 * the mean of its {@link #NEIGHBOURS} nearest posts, scaled back to length 1. A short post's sentence vector is a noisy
 * reading of the point it makes (word choice, length, typos move it); averaging it with the posts nearest to it is
 * one step of neighbourhood smoothing, as in mean shift (Fukunaga and Hostetler 1975) and kNN-graph denoising: noise
 * that differs from post to post cancels, what neighbours share stays, so groups come out tighter and k-means'
 * centres land between groups less often. The post itself keeps half the weight: one step moves it at most halfway
 * towards its neighbourhood, never past it. The smoothed vectors serve only to fit the centres: every post, and every
 * new post later, is placed by its own vector at the nearest centre, so a post gets the same theme in the recompute
 * and when it is placed alone.
 */
final class NeighbourMeans {

    /**
     * A post and its neighbours make {@link WardMerge#MIN_MICRO_SIZE} posts: the smallest group the themes treat as a
     * group of its own, so a neighbourhood does not reach past one.
     */
    static final int NEIGHBOURS = WardMerge.MIN_MICRO_SIZE - 1;
    /**
     * Forums up to this many posts (in the fit sample) are smoothed. Finding neighbours compares every pair of posts
     * (posts^2 x dimensions multiply-adds); up to 2,000 posts that costs less than the micro-cluster fit it comes
     * before (2,000 x 2,000 x 384 = 1.5 x 10^9 against 2,000 x 96 micro-clusters x 10 iterations x 3 restarts x 384 =
     * 2.2 x 10^9), and it would outgrow the fit quickly beyond. Larger forums keep their vectors as they are.
     */
    static final int LIMIT = 2_000;

    private NeighbourMeans() {}

    /** Whether a fit on {@code posts} posts is smoothed. */
    static boolean applies(int posts) {
        return posts > NEIGHBOURS && posts <= LIMIT;
    }

    /**
     * The smoothed vectors (n rows of d, unit length) of the unit vectors {@code x} (n rows of d). Neighbours are the
     * most similar other rows by cosine, ties to the lowest index; each row is summed in neighbour order, so the
     * result is the same on every run.
     */
    static float[] smooth(float[] x, int n, int d) {
        int m = Math.min(NEIGHBOURS, n - 1);
        float[] columns = Vectors.columns(x, n, d);
        float[] smoothed = new float[n * d];
        Chunks.forEach(n, c -> {
            float[] similarities = new float[n];
            int[] nearest = new int[m];
            for (int i = Chunks.start(c); i < Chunks.end(c, n); i++) {
                Vectors.nearest(x, i * d, columns, n, d, similarities);
                similarities[i] = Float.NEGATIVE_INFINITY;
                mostSimilar(similarities, n, nearest);
                for (int j = 0; j < d; j++) {
                    float sum = 0;
                    for (int neighbour : nearest) {
                        sum += x[neighbour * d + j];
                    }
                    smoothed[i * d + j] = x[i * d + j] + sum / m;
                }
                Vectors.normalise(smoothed, i * d, d);
            }
        });
        return smoothed;
    }

    /** The indexes of the {@code into.length} highest similarities, highest first, the lowest index on ties. */
    private static void mostSimilar(float[] similarities, int n, int[] into) {
        int found = 0;
        for (int r = 0; r < n; r++) {
            float s = similarities[r];
            if (found == into.length && s <= similarities[into[found - 1]]) {
                continue;
            }
            int at = Math.min(found, into.length - 1);
            while (at > 0 && similarities[into[at - 1]] < s) {
                into[at] = into[at - 1];
                at--;
            }
            into[at] = r;
            found = Math.min(found + 1, into.length);
        }
    }
}
