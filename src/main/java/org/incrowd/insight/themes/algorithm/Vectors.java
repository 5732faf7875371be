package org.incrowd.insight.themes.algorithm;

/** Dense vector arithmetic on slices of float arrays, written for speed (four independent sums per dot product). */
final class Vectors {

    private Vectors() {}

    static float dot(float[] a, int aAt, float[] b, int bAt, int d) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = 0;
        for (; k + 3 < d; k += 4) {
            s0 += a[aAt + k] * b[bAt + k];
            s1 += a[aAt + k + 1] * b[bAt + k + 1];
            s2 += a[aAt + k + 2] * b[bAt + k + 2];
            s3 += a[aAt + k + 3] * b[bAt + k + 3];
        }
        for (; k < d; k++) {
            s0 += a[aAt + k] * b[bAt + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Scales the slice to unit length; leaves a zero slice as it is. */
    static void normalise(float[] v, int at, int d) {
        double norm = 0;
        for (int k = 0; k < d; k++) {
            norm += (double) v[at + k] * v[at + k];
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int k = 0; k < d; k++) {
                v[at + k] *= scale;
            }
        }
    }

    static boolean isZero(float[] v, int at, int d) {
        for (int k = 0; k < d; k++) {
            if (v[at + k] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Index of the row of {@code centroids} (k rows of d) most similar to {@code v[at...]}; ties to the lowest. */
    static int nearest(float[] v, int at, float[] centroids, int k, int d) {
        int best = 0;
        float bestSim = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            float sim = dot(v, at, centroids, c * d, d);
            if (sim > bestSim) {
                bestSim = sim;
                best = c;
            }
        }
        return best;
    }
}
