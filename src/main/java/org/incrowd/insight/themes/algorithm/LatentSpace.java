package org.incrowd.insight.themes.algorithm;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Stage 4a, latent semantic analysis: a truncated SVD of the weighted post x term matrix maps each term to a short
 * vector so that terms used in the same posts ("card", "arrive", "deliveri") land close together. Posts are then
 * compared by meaning rather than by exact words, which matters for short posts that share few words. The SVD is
 * the randomized one (Halko, Martinsson and Tropp 2011: random range, one power iteration), computed on a fixed
 * sample of the posts so its cost does not grow with the Jam; all posts are then projected.
 */
final class LatentSpace {

    private static final int OVERSAMPLING = 10;

    final int dimensions;
    /** Term t's vector is {@code termVectors[t * dimensions ...]}. */
    final float[] termVectors;

    LatentSpace(int dimensions, float[] termVectors) {
        this.dimensions = dimensions;
        this.termVectors = termVectors;
    }

    static LatentSpace fit(TermMatrix matrix, int[] sample, int vocabulary, int wanted, long seed) {
        int width = Math.min(wanted + OVERSAMPLING, Math.min(sample.length, vocabulary));
        if (width < 1) {
            return new LatentSpace(0, new float[0]);
        }
        var random = new SplittableRandom(seed);
        var omega = new DMatrixRMaj(vocabulary, width);
        for (int i = 0; i < omega.data.length; i++) {
            omega.data[i] = random.nextDouble(-1, 1);
        }
        DMatrixRMaj q = orthonormal(times(matrix, sample, omega));
        DMatrixRMaj z = transposeTimes(matrix, sample, q, vocabulary); // (A^T Q), V x width
        q = orthonormal(times(matrix, sample, z)); // one power iteration sharpens the spectrum
        z = transposeTimes(matrix, sample, q, vocabulary); // B^T = A^T Q
        var gram = new DMatrixRMaj(width, width);
        CommonOps_DDRM.multTransA(z, z, gram); // B B^T: its eigenvectors are B's left singular vectors
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(width, true, true);
        if (!eigen.decompose(gram)) {
            throw new IllegalStateException("eigen decomposition failed");
        }
        Integer[] order = new Integer[width];
        for (int i = 0; i < width; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int byValue = Double.compare(eigen.getEigenvalue(b).real, eigen.getEigenvalue(a).real);
            return byValue != 0 ? byValue : Integer.compare(a, b);
        });
        int dims = 0;
        while (dims < Math.min(wanted, width) && eigen.getEigenvalue(order[dims]).real > 1e-9) {
            dims++;
        }
        float[] vectors = new float[vocabulary * dims];
        for (int k = 0; k < dims; k++) {
            DMatrixRMaj u = eigen.getEigenVector(order[k]);
            double sigma = Math.sqrt(eigen.getEigenvalue(order[k]).real);
            double sign = signOf(u);
            for (int t = 0; t < vocabulary; t++) {
                double v = 0;
                for (int j = 0; j < width; j++) {
                    v += z.get(t, j) * u.get(j, 0);
                }
                vectors[t * dims + k] = (float) (sign * v / sigma);
            }
        }
        return new LatentSpace(dims, vectors);
    }

    /** Row {@code row} of {@code matrix} in the latent space, scaled to unit length, into {@code out[at...]}. */
    void project(TermMatrix matrix, int row, float[] out, int at) {
        project(matrix.terms, matrix.weights, matrix.offsets[row], matrix.offsets[row + 1], out, at);
    }

    /** Projects a weighted term list (entries {@code from..to}) to a unit vector at {@code out[at...]}. */
    void project(int[] terms, float[] weights, int from, int to, float[] out, int at) {
        int d = dimensions;
        java.util.Arrays.fill(out, at, at + d, 0f);
        for (int i = from; i < to; i++) {
            float w = weights[i];
            int base = terms[i] * d;
            for (int k = 0; k < d; k++) {
                out[at + k] += w * termVectors[base + k];
            }
        }
        Vectors.normalise(out, at, d);
    }

    /** The eigenvector's sign is arbitrary; fix it so that its largest entry is positive (determinism). */
    private static double signOf(DMatrixRMaj u) {
        double largest = 0;
        for (double value : u.data) {
            if (Math.abs(value) > Math.abs(largest)) {
                largest = value;
            }
        }
        return largest < 0 ? -1 : 1;
    }

    /** A_S M for the sample rows S: (|S| x V)(V x w). */
    private static DMatrixRMaj times(TermMatrix a, int[] sample, DMatrixRMaj m) {
        int w = m.numCols;
        var out = new DMatrixRMaj(sample.length, w);
        for (int r = 0; r < sample.length; r++) {
            int row = sample[r];
            for (int i = a.offsets[row]; i < a.offsets[row + 1]; i++) {
                double weight = a.weights[i];
                int base = a.terms[i] * w;
                for (int j = 0; j < w; j++) {
                    out.data[r * w + j] += weight * m.data[base + j];
                }
            }
        }
        return out;
    }

    /** A_S^T Q: (V x |S|)(|S| x w). */
    private static DMatrixRMaj transposeTimes(TermMatrix a, int[] sample, DMatrixRMaj q, int vocabulary) {
        int w = q.numCols;
        var out = new DMatrixRMaj(vocabulary, w);
        for (int r = 0; r < sample.length; r++) {
            int row = sample[r];
            for (int i = a.offsets[row]; i < a.offsets[row + 1]; i++) {
                double weight = a.weights[i];
                int base = a.terms[i] * w;
                for (int j = 0; j < w; j++) {
                    out.data[base + j] += weight * q.data[r * w + j];
                }
            }
        }
        return out;
    }

    private static DMatrixRMaj orthonormal(DMatrixRMaj y) {
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(y.numRows, y.numCols);
        if (!qr.decompose(y.copy())) {
            throw new IllegalStateException("QR decomposition failed");
        }
        return qr.getQ(null, true);
    }
}
