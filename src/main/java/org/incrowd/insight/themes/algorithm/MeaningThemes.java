package org.incrowd.insight.themes.algorithm;

/**
 * Stage 4 for posts with a sentence vector: spherical k-means ({@link SphericalKMeans}, k-means++ seeding from the
 * settings' seed) into a few micro-clusters per theme, merged into themes by Ward's criterion ({@link WardMerge}), on
 * the sentence vectors compared by cosine after the Jam's mean vector is taken away from each; on a small forum the
 * centres are fitted on each post averaged with its nearest posts ({@link NeighbourMeans}), as the means of a
 * consensus of k-means runs ({@link EvidenceAccumulation}) instead of Ward's merging, and every post is placed by its
 * own vector.
 * Sentence vectors of one domain share a large common component (they lie in a narrow cone: every post of a Jam about
 * the canteen is "about the canteen"); taking the mean away and scaling back to length 1 leaves what distinguishes
 * the posts from each other (Mu and Viswanath, "All-but-the-top", ICLR 2018, do this and more). The
 * number of themes is {@link ThemeCount}'s, from the number of posts alone. The centres are fitted on an even
 * sample of at most {@link #FIT_SAMPLE} posts (in the canonical order, so the sample does not depend on the input
 * order), then every post is placed at its nearest centre; the sample bounds the time on large Jams, and a sample
 * of this size already holds hundreds of posts of every theme worth showing.
 */
final class MeaningThemes {

    static final int FIT_SAMPLE = 10_000;

    final int k;
    final int dimensions;
    /** The mean of the sample's vectors, taken away from every vector before it is compared with the centres. */
    final float[] mean;
    /** k rows of {@code dimensions}, unit length, in the centred space. */
    final float[] centroids;
    /** The centroids column by column, as {@link Vectors#nearest} reads them. */
    private final float[] columns;

    private MeaningThemes(int k, int dimensions, float[] mean, float[] centroids) {
        this.k = k;
        this.dimensions = dimensions;
        this.mean = mean;
        this.centroids = centroids;
        this.columns = Vectors.columns(centroids, k, dimensions);
    }

    static final MeaningThemes NONE = new MeaningThemes(0, 0, new float[0], new float[0]);

    /**
     * Fits the centres on the rows that have a vector, and writes each such row's cluster ({@code offset} + its
     * centre) and its similarity to that centre.
     */
    static MeaningThemes cluster(float[][] vectors, int themes, long seed, int offset, int[] cluster,
            float[] similarity) {
        int[] withVector = java.util.stream.IntStream.range(0, vectors.length).filter(r -> vectors[r] != null)
                .toArray();
        if (withVector.length == 0) {
            return NONE;
        }
        int d = vectors[withVector[0]].length;
        int[] sample = ThemeAnalysis.strideRows(withVector, FIT_SAMPLE);
        int wanted = Math.min(themes > 0 ? themes : ThemeCount.choose(withVector.length), sample.length);
        double[] sum = new double[d];
        for (int row : sample) {
            for (int j = 0; j < d; j++) {
                sum[j] += vectors[row][j];
            }
        }
        float[] mean = new float[d];
        for (int j = 0; j < d; j++) {
            mean[j] = (float) (sum[j] / sample.length);
        }
        float[] fit = new float[sample.length * d];
        int[] rows = new int[sample.length];
        for (int i = 0; i < sample.length; i++) {
            centre(vectors[sample[i]], mean, fit, i * d);
            rows[i] = i;
        }
        if (NeighbourMeans.applies(sample.length)) {
            fit = NeighbourMeans.smooth(fit, sample.length, d);
        }
        int micro = WardMerge.microClusters(sample.length, wanted);
        float[] centroids;
        if (EvidenceAccumulation.applies(sample.length)) {
            centroids = EvidenceAccumulation.centres(fit, sample.length, d, wanted, seed);
        } else if (micro == wanted) {
            centroids = SphericalKMeans.fit(fit, d, rows, wanted, seed,
                    SphericalKMeans.restarts(sample.length, wanted, d));
        } else {
            float[] microCentres = SphericalKMeans.fit(fit, d, rows, micro, seed,
                    SphericalKMeans.restarts(sample.length, micro, d), WardMerge.MICRO_ITERATIONS);
            centroids = WardMerge.merge(fit, d, rows, microCentres, micro, wanted);
        }
        int k = centroids.length / d;
        var fitted = new MeaningThemes(k, d, mean, centroids);
        int n = vectors.length;
        Chunks.forEach(n, c -> {
            float[] centred = new float[d];
            float[] similarities = new float[k];
            for (int row = Chunks.start(c); row < Chunks.end(c, n); row++) {
                if (vectors[row] != null) {
                    centre(vectors[row], mean, centred, 0);
                    int nearest = Vectors.nearest(centred, 0, fitted.columns, k, d, similarities);
                    cluster[row] = offset + nearest;
                    similarity[row] = similarities[nearest];
                }
            }
        });
        return fitted;
    }

    /** Writes {@code vector} less the mean, scaled to length 1, into {@code into[at...]}. */
    private static void centre(float[] vector, float[] mean, float[] into, int at) {
        for (int j = 0; j < mean.length; j++) {
            into[at + j] = vector[j] - mean[j];
        }
        Vectors.normalise(into, at, mean.length);
    }

    /** The vector as the centres see it: less the mean, length 1. */
    float[] centred(float[] vector) {
        float[] centred = new float[dimensions];
        centre(vector, mean, centred, 0);
        return centred;
    }

    /** The centre nearest to a sentence vector. */
    int nearest(float[] vector) {
        return Vectors.nearest(centred(vector), 0, columns, k, dimensions, new float[k]);
    }

    /** How near a sentence vector is to centre {@code c} (cosine in the centred space). */
    float similarity(float[] vector, int c) {
        return Vectors.dot(centred(vector), 0, centroids, c * dimensions, dimensions);
    }
}
