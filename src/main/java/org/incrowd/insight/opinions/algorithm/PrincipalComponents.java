package org.incrowd.insight.opinions.algorithm;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;

/**
 * Stage 2, principal components: the two directions along which participants' votes differ most, and each
 * participant's place along them, as Pol.is computes them.
 *
 * <p>Centring: each statement's column is centred on its mean, and an unseen statement counts as that mean (or as
 * a pass, see {@link MissingVotes}). With the mean, an unseen statement contributes exactly 0 after centring, so the
 * centred matrix stays as sparse as the votes and the 150,000 × 5,000 matrix is never filled in.
 *
 * <p>Iteration: block power iteration (subspace iteration with Rayleigh–Ritz) on CᵀC, never forming CᵀC. Four
 * vectors are iterated together because the error of the second component then shrinks with λ₅/λ₂ per step instead
 * of λ₃/λ₂. Each step is two passes over the votes, split into a fixed set of row chunks that may run in parallel;
 * partial sums are added in chunk order, so the result does not depend on threads or timing. A cold start uses
 * pseudo-random vectors derived from the statement keys (deterministic); an update starts from the previous
 * vectors, which after a few new votes are nearly right already.
 *
 * <p>Sign: a component and its negation are equally valid. We make each component's largest entry (by absolute
 * value, first statement on ties) positive, so the same votes always give the same map.
 *
 * <p>Projection (Pol.is's "sparsity-aware" projection): a participant's coordinates sum only over the statements
 * they voted on and are then multiplied by √(statements / statements voted on). Without that factor someone who
 * voted on a handful of statements would sit near the centre just for having said little. Pol.is keeps statements
 * excluded by moderation as columns of zeros; they add nothing to the sums but count as voted on by everyone in
 * this factor, and we count them the same way so that groups match Pol.is's.
 */
final class PrincipalComponents {

    static final int COMPONENTS = 2;

    /** Vectors iterated together (see the class comment). */
    private static final int BLOCK = 4;

    /**
     * Stop when the residual ‖CᵀC·v − λv‖ of both components is below this share of λ₁. The components are then
     * right to about 10⁻³ of their length, which moves a participant's point by less than k-means' own precision
     * (0.01 map units) and leaves the groups as they are, bar a participant right on a boundary (on the Pol.is
     * conversations and the synthetic Jam the groups are those of a ten times tighter tolerance). Pol.is stops after
     * 10 (now 100) steps without any test. After a few new votes the previous components pass this test after one
     * to four steps, which is what makes an update cheap.
     */
    private static final double TOLERANCE = 1e-4;

    /** A bound for nearly equal eigenvalues, where the iteration crawls and any vector in their plane is as good. */
    private static final int MAX_ITERATIONS = 300;

    /** Rows per parallel chunk; fixed, so that the order of the partial sums is too. */
    private static final int CHUNK_ROWS = 8192;

    private final long[] statementKeys;
    private final double[] center;
    private final double[] vectors; // BLOCK Ritz vectors, row-major: vectors[column * block + k]
    private final int block;
    private final int iterations;

    private PrincipalComponents(long[] statementKeys, double[] center, double[] vectors, int block,
            int iterations) {
        this.statementKeys = statementKeys;
        this.center = center;
        this.vectors = vectors;
        this.block = block;
        this.iterations = iterations;
    }

    /** Fits the components; {@code start} (may be null) is a previous fit to start from. */
    static PrincipalComponents fit(VoteMatrix votes, MissingVotes missing, PrincipalComponents start) {
        int m = votes.statements();
        int block = Math.min(BLOCK, m);
        var centred = Centred.of(votes, missing);
        if (block == 0) {
            return new PrincipalComponents(votes.statementKeys(), centred.center, new double[0], 0, 0);
        }
        double[] v = startVectors(votes.statementKeys(), block, start);
        orthonormalise(v, m, block);
        double[] w = new double[m * block];
        double[] ritz = new double[m * block];
        int iteration = 0;
        while (true) {
            iteration++;
            centred.gram(v, w, block);
            double[] h = transposeTimes(v, w, m, block);
            double[][] eigen = eigen(h, block);
            double[] theta = eigen[0];
            double[] y = eigen[1];
            times(v, y, ritz, m, block);
            times(w, y, v, m, block); // v now holds CᵀC·(ritz vectors)
            if (converged(ritz, v, theta, m, block) || iteration >= MAX_ITERATIONS) {
                break;
            }
            orthonormalise(v, m, block);
        }
        orient(ritz, m, block);
        return new PrincipalComponents(votes.statementKeys(), centred.center, ritz, block, iteration);
    }

    /** Writes the fit bit for bit, for a checkpoint kept in the database ({@link HistoryCheckpoint}). */
    void writeTo(CheckpointStream.Out out) throws java.io.IOException {
        out.keys(statementKeys);
        out.doubles(center);
        out.doubles(vectors);
        out.number(block);
        out.number(iterations);
    }

    /** A fit {@link #writeTo} wrote. */
    static PrincipalComponents readFrom(CheckpointStream.In in) throws java.io.IOException {
        return new PrincipalComponents(in.keys(), in.doubles(), in.doubles(), in.count(), in.count());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PrincipalComponents that && block == that.block && iterations == that.iterations
                && Arrays.equals(statementKeys, that.statementKeys) && Arrays.equals(center, that.center)
                && Arrays.equals(vectors, that.vectors);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(vectors);
    }

    /** Power-iteration steps the last fit took (for the benchmark's notes and tests). */
    int iterations() {
        return iterations;
    }

    /** Component {@code k} (0 or 1) as a vector over the matrix's statements (zeros when there is none). */
    double[] component(int k) {
        double[] out = new double[statementKeys.length];
        if (k < block) {
            for (int j = 0; j < out.length; j++) {
                out[j] = vectors[j * block + k];
            }
        }
        return out;
    }

    /**
     * Each participant's place: {@code [x, y]} arrays indexed by row, with Pol.is's sparsity factor (see the class
     * comment).
     */
    double[][] project(VoteMatrix votes) {
        int n = votes.participants();
        int[] rowStart = votes.rowStart();
        int[] columns = votes.columns();
        byte[] values = votes.values();
        double[] pc1 = component(0);
        double[] pc2 = component(1);
        int excludedColumns = votes.excludedStatementsWithVotes();
        double allColumns = statementKeys.length + excludedColumns;
        double[] x = new double[n];
        double[] y = new double[n];
        Chunks.forEach(n, CHUNK_ROWS, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                double p1 = 0;
                double p2 = 0;
                for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                    int j = columns[p];
                    double d = values[p] - center[j];
                    p1 += d * pc1[j];
                    p2 += d * pc2[j];
                }
                int voted = rowStart[i + 1] - rowStart[i] + excludedColumns;
                double scale = Math.sqrt(allColumns / Math.max(voted, 1));
                x[i] = p1 * scale;
                y[i] = p2 * scale;
            }
        });
        return new double[][] {x, y};
    }

    /** Start vectors: the previous fit's, matched by statement key, else deterministic pseudo-random ones. */
    private static double[] startVectors(long[] keys, int block, PrincipalComponents start) {
        double[] v = new double[keys.length * block];
        for (int j = 0; j < keys.length; j++) {
            for (int k = 0; k < block; k++) {
                v[j * block + k] = pseudoRandom(keys[j], k);
            }
        }
        if (start != null && start.block > 0) {
            boolean any = false;
            for (int j = 0; j < keys.length; j++) {
                int old = Arrays.binarySearch(start.statementKeys, keys[j]);
                for (int k = 0; k < Math.min(block, start.block); k++) {
                    // New statements start at 0: they enter the components through the iteration itself.
                    v[j * block + k] = old < 0 ? 0 : start.vectors[old * start.block + k];
                    any |= old >= 0;
                }
            }
            if (!any) {
                return startVectors(keys, block, null);
            }
        }
        return v;
    }

    /** A value in [−1, 1) from a statement key and a vector number (SplitMix64), the same on every machine. */
    private static double pseudoRandom(long key, int k) {
        long z = key * 0x9E3779B97F4A7C15L + (k + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-52 - 1.0;
    }

    /** Modified Gram–Schmidt on the block's columns; a column that vanishes is replaced by a unit vector. */
    private static void orthonormalise(double[] v, int m, int block) {
        for (int k = 0; k < block; k++) {
            for (int attempt = 0; ; attempt++) {
                for (int l = 0; l < k; l++) {
                    double dot = 0;
                    for (int j = 0; j < m; j++) {
                        dot += v[j * block + k] * v[j * block + l];
                    }
                    for (int j = 0; j < m; j++) {
                        v[j * block + k] -= dot * v[j * block + l];
                    }
                }
                double norm = 0;
                for (int j = 0; j < m; j++) {
                    norm += v[j * block + k] * v[j * block + k];
                }
                norm = Math.sqrt(norm);
                if (norm > 1e-12 || attempt >= m) {
                    for (int j = 0; j < m; j++) {
                        v[j * block + k] = norm > 1e-12 ? v[j * block + k] / norm : 0;
                    }
                    break;
                }
                // The data has fewer directions than the block: try the next unit vector instead.
                for (int j = 0; j < m; j++) {
                    v[j * block + k] = j == (k + attempt) % m ? 1 : 0;
                }
            }
        }
    }

    /**
     * Eigenvalues and eigenvectors of the small symmetric Rayleigh–Ritz matrix, by EJML's symmetric QR algorithm
     * (deterministic: the same matrix gives the same answer).
     *
     * @param symmetric block × block, row-major (not changed)
     * @return {eigenvalues, eigenvectors}: eigenvalues in descending order (equal ones in EJML's order);
     *     eigenvectors row-major with eigenvector k in column k
     */
    private static double[][] eigen(double[] symmetric, int block) {
        var decomposition = DecompositionFactory_DDRM.eig(block, true, true);
        if (!decomposition.decompose(new DMatrixRMaj(block, block, true, symmetric))) {
            throw new IllegalStateException("The symmetric eigenvalue decomposition did not converge");
        }
        Integer[] order = new Integer[block];
        for (int k = 0; k < block; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(decomposition.getEigenvalue(b).real,
                decomposition.getEigenvalue(a).real));
        double[] values = new double[block];
        double[] vectors = new double[block * block];
        for (int k = 0; k < block; k++) {
            values[k] = decomposition.getEigenvalue(order[k]).real;
            DMatrixRMaj vector = decomposition.getEigenVector(order[k]);
            for (int i = 0; i < block; i++) {
                vectors[i * block + k] = vector.get(i, 0);
            }
        }
        return new double[][] {values, vectors};
    }

    /** Vᵀ·W, a block × block matrix. */
    private static double[] transposeTimes(double[] v, double[] w, int m, int block) {
        double[] h = new double[block * block];
        for (int j = 0; j < m; j++) {
            for (int a = 0; a < block; a++) {
                double va = v[j * block + a];
                for (int b = 0; b < block; b++) {
                    h[a * block + b] += va * w[j * block + b];
                }
            }
        }
        // Symmetrise away rounding: VᵀCᵀCV is symmetric.
        for (int a = 0; a < block; a++) {
            for (int b = a + 1; b < block; b++) {
                double mean = (h[a * block + b] + h[b * block + a]) / 2;
                h[a * block + b] = mean;
                h[b * block + a] = mean;
            }
        }
        return h;
    }

    /** out = a·y, with a being m × block and y block × block. */
    private static void times(double[] a, double[] y, double[] out, int m, int block) {
        double[] row = new double[block];
        for (int j = 0; j < m; j++) {
            Arrays.fill(row, 0);
            for (int l = 0; l < block; l++) {
                double value = a[j * block + l];
                for (int k = 0; k < block; k++) {
                    row[k] += value * y[l * block + k];
                }
            }
            System.arraycopy(row, 0, out, j * block, block);
        }
    }

    /** Whether the leading components' residuals are small enough (see {@link #TOLERANCE}). */
    private static boolean converged(double[] ritz, double[] product, double[] theta, int m, int block) {
        double scale = Math.abs(theta[0]);
        if (scale == 0) {
            return true; // every vote is the same: there is no direction to find
        }
        for (int k = 0; k < Math.min(COMPONENTS, block); k++) {
            double residual = 0;
            for (int j = 0; j < m; j++) {
                double r = product[j * block + k] - theta[k] * ritz[j * block + k];
                residual += r * r;
            }
            if (Math.sqrt(residual) > TOLERANCE * scale) {
                return false;
            }
        }
        return true;
    }

    /** The sign convention of the class comment. */
    private static void orient(double[] v, int m, int block) {
        for (int k = 0; k < block; k++) {
            int largest = 0;
            for (int j = 1; j < m; j++) {
                if (Math.abs(v[j * block + k]) > Math.abs(v[largest * block + k])) {
                    largest = j;
                }
            }
            if (v[largest * block + k] < 0) {
                for (int j = 0; j < m; j++) {
                    v[j * block + k] = -v[j * block + k];
                }
            }
        }
    }

    /**
     * The centred vote matrix C, kept sparse: C = D + 1·bᵀ, where D holds the voted entries (vote − centre − b)
     * and b is what an unseen statement becomes after centring (0 for {@link MissingVotes#STATEMENT_AVERAGE}).
     */
    private static final class Centred {

        private final VoteMatrix votes;
        private final double[] center;
        private final double[] shift; // centre + b, subtracted from each vote
        private final double[] missing; // b
        private final boolean dense;
        private final int chunks;
        private double[][] partial; // per chunk: its part of Cᵀ·u
        private double[][] partialSumU; // per chunk: its part of Σu

        private Centred(VoteMatrix votes, double[] center, double[] missing) {
            this.votes = votes;
            this.center = center;
            this.missing = missing;
            this.shift = new double[center.length];
            boolean anyMissing = false;
            for (int j = 0; j < center.length; j++) {
                shift[j] = center[j] + missing[j];
                anyMissing |= missing[j] != 0;
            }
            this.dense = anyMissing;
            this.chunks = Chunks.count(votes.participants(), CHUNK_ROWS);
        }

        static Centred of(VoteMatrix votes, MissingVotes rule) {
            int m = votes.statements();
            int n = votes.participants();
            double[] sum = new double[m];
            int[] count = new int[m];
            int[] columns = votes.columns();
            byte[] values = votes.values();
            for (int p = 0; p < columns.length; p++) {
                sum[columns[p]] += values[p];
                count[columns[p]]++;
            }
            double[] center = new double[m];
            double[] missing = new double[m];
            for (int j = 0; j < m; j++) {
                if (rule == MissingVotes.PASS) {
                    // Unseen = 0: the centre is the mean over everyone, and an unseen entry becomes 0 − centre.
                    center[j] = sum[j] / n;
                    missing[j] = -center[j];
                } else {
                    center[j] = count[j] == 0 ? 0 : sum[j] / count[j];
                }
            }
            return new Centred(votes, center, missing);
        }

        /** w = CᵀC·v for a block of vectors (row-major, m × block). */
        void gram(double[] v, double[] w, int block) {
            int n = votes.participants();
            int m = center.length;
            double[] missingDotV = new double[block];
            if (dense) {
                for (int j = 0; j < m; j++) {
                    for (int k = 0; k < block; k++) {
                        missingDotV[k] += missing[j] * v[j * block + k];
                    }
                }
            }
            if (partial == null || partial[0].length != m * block) {
                // Reused from step to step: a Jam's partial sums are megabytes, allocated once per fit.
                partial = new double[chunks][m * block];
                partialSumU = new double[chunks][block];
            }
            double[][] wParts = partial;
            double[][] sumUs = partialSumU;
            Chunks.forEach(n, CHUNK_ROWS, (chunk, from, to) -> {
                Arrays.fill(wParts[chunk], 0);
                Arrays.fill(sumUs[chunk], 0);
                multiplyChunk(v, wParts[chunk], sumUs[chunk], missingDotV, block, from, to);
            });
            Arrays.fill(w, 0);
            double[] sumU = new double[block];
            for (int chunk = 0; chunk < chunks; chunk++) {
                double[] wPart = partial[chunk];
                for (int i = 0; i < w.length; i++) {
                    w[i] += wPart[i];
                }
                for (int k = 0; k < block; k++) {
                    sumU[k] += partialSumU[chunk][k];
                }
            }
            if (dense) {
                for (int j = 0; j < m; j++) {
                    for (int k = 0; k < block; k++) {
                        w[j * block + k] += missing[j] * sumU[k];
                    }
                }
            }
        }

        /** For rows [from, to): u = C·v row by row, then that row's part of Cᵀ·u (the dense term comes later). */
        private void multiplyChunk(double[] v, double[] wPart, double[] sumU, double[] missingDotV, int block,
                int from, int to) {
            int[] rowStart = votes.rowStart();
            int[] columns = votes.columns();
            byte[] values = votes.values();
            if (block == 4) {
                multiplyChunk4(v, wPart, sumU, missingDotV, from, to, rowStart, columns, values);
                return;
            }
            double[] u = new double[block];
            for (int i = from; i < to; i++) {
                System.arraycopy(missingDotV, 0, u, 0, block);
                for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                    int j = columns[p];
                    double d = values[p] - shift[j];
                    for (int k = 0; k < block; k++) {
                        u[k] += d * v[j * block + k];
                    }
                }
                for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                    int j = columns[p];
                    double d = values[p] - shift[j];
                    for (int k = 0; k < block; k++) {
                        wPart[j * block + k] += d * u[k];
                    }
                }
                for (int k = 0; k < block; k++) {
                    sumU[k] += u[k];
                }
            }
        }

        /** The same for the usual block of four, unrolled: this loop is most of a full recomputation's time. */
        private void multiplyChunk4(double[] v, double[] wPart, double[] sumU, double[] missingDotV, int from,
                int to, int[] rowStart, int[] columns, byte[] values) {
            for (int i = from; i < to; i++) {
                double u0 = missingDotV[0];
                double u1 = missingDotV[1];
                double u2 = missingDotV[2];
                double u3 = missingDotV[3];
                int start = rowStart[i];
                int end = rowStart[i + 1];
                for (int p = start; p < end; p++) {
                    int j = columns[p];
                    double d = values[p] - shift[j];
                    int at = j << 2;
                    u0 += d * v[at];
                    u1 += d * v[at + 1];
                    u2 += d * v[at + 2];
                    u3 += d * v[at + 3];
                }
                for (int p = start; p < end; p++) {
                    int j = columns[p];
                    double d = values[p] - shift[j];
                    int at = j << 2;
                    wPart[at] += d * u0;
                    wPart[at + 1] += d * u1;
                    wPart[at + 2] += d * u2;
                    wPart[at + 3] += d * u3;
                }
                sumU[0] += u0;
                sumU[1] += u1;
                sumU[2] += u2;
                sumU[3] += u3;
            }
        }
    }
}
