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

    /**
     * Centres given row by row (k rows of d) laid out column by column (d rows of k), for {@link #nearest}: one pass
     * over a vector's numbers then updates its similarity to every centre at once.
     */
    static float[] columns(float[] centroids, int k, int d) {
        float[] columns = new float[k * d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                columns[j * k + c] = centroids[c * d + j];
            }
        }
        return columns;
    }

    /**
     * Index of the centre most similar to {@code v[at...]} (ties to the lowest), with every centre's similarity
     * written to {@code similarities[0..k)}. {@code columns} are the centres as {@link #columns} lays them out. The
     * inner loop is a plain {@code s[c] += x * column[c]} over a flat array, which the JIT compiles to SIMD
     * instructions; each similarity is still summed in the same order (dimension by dimension), so the result is the
     * same bit for bit on every machine, vectorised or not.
     */
    static int nearest(float[] v, int at, float[] columns, int k, int d, float[] similarities) {
        java.util.Arrays.fill(similarities, 0, k, 0f);
        for (int j = 0; j < d; j++) {
            float x = v[at + j];
            int base = j * k;
            for (int c = 0; c < k; c++) {
                similarities[c] += x * columns[base + c];
            }
        }
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (similarities[c] > similarities[best]) {
                best = c;
            }
        }
        return best;
    }
}
