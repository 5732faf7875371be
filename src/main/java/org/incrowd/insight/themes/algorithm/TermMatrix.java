package org.incrowd.insight.themes.algorithm;

/**
 * Stage 3, weigh: the posts as rows of a sparse matrix over the dictionary (compressed rows), each row weighted by
 * sublinear TF-IDF, {@code (1 + ln tf) * idf}, and scaled to unit length, so that the dot product of two rows is
 * their cosine similarity and long posts do not dominate.
 */
final class TermMatrix {

    final int rows;
    final int[] offsets;
    final int[] terms;
    final float[] weights;

    TermMatrix(int rows, int[] offsets, int[] terms, float[] weights) {
        this.rows = rows;
        this.offsets = offsets;
        this.terms = terms;
        this.weights = weights;
    }

    boolean isEmpty(int row) {
        return offsets[row] == offsets[row + 1];
    }

    /**
     * Weighs one post's term ids (with repeats, any order) into {@code outTerms}/{@code outWeights} from
     * {@code at}; returns how many entries it wrote (distinct terms, ascending ids).
     */
    static int weigh(int[] ids, int count, float[] idf, int[] outTerms, float[] outWeights, int at) {
        int[] sorted = java.util.Arrays.copyOf(ids, count);
        java.util.Arrays.sort(sorted);
        int written = 0;
        double norm = 0;
        for (int i = 0; i < count; ) {
            int j = i;
            while (j < count && sorted[j] == sorted[i]) {
                j++;
            }
            float weight = (float) ((1 + Math.log(j - i)) * idf[sorted[i]]);
            outTerms[at + written] = sorted[i];
            outWeights[at + written] = weight;
            norm += (double) weight * weight;
            written++;
            i = j;
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
        for (int i = 0; i < written; i++) {
            outWeights[at + i] *= scale;
        }
        return written;
    }
}
