package org.incrowd.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The textbook baseline, as scikit-learn's TfidfVectorizer + KMeans do it by default: words of two or more letters
 * or digits, lower case, no stop words or stemming; smoothed IDF; rows scaled to unit length; Euclidean k-means with
 * one k-means++ initialisation and Lloyd iterations. Returns a cluster per document.
 */
final class TfidfKMeansBaseline {

    private static final Pattern WORD = Pattern.compile("\\b\\w\\w+\\b", Pattern.UNICODE_CHARACTER_CLASS);

    private TfidfKMeansBaseline() {}

    static List<Integer> cluster(List<String> texts, int k, long seed) {
        int n = texts.size();
        var ids = new HashMap<String, Integer>();
        List<Map<Integer, Integer>> tf = new ArrayList<>();
        var df = new ArrayList<Integer>();
        for (String text : texts) {
            var counts = new HashMap<Integer, Integer>();
            Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
            while (m.find()) {
                int id = ids.computeIfAbsent(m.group(), w -> ids.size());
                if (id == df.size()) {
                    df.add(0);
                }
                counts.merge(id, 1, Integer::sum);
            }
            counts.keySet().forEach(id -> df.set(id, df.get(id) + 1));
            tf.add(counts);
        }
        int v = ids.size();
        int[][] terms = new int[n][];
        double[][] weights = new double[n][];
        for (int i = 0; i < n; i++) {
            var entries = new ArrayList<>(tf.get(i).entrySet());
            entries.sort(Map.Entry.comparingByKey());
            terms[i] = entries.stream().mapToInt(Map.Entry::getKey).toArray();
            weights[i] = new double[terms[i].length];
            double norm = 0;
            for (int j = 0; j < terms[i].length; j++) {
                double idf = Math.log((1.0 + n) / (1.0 + df.get(terms[i][j]))) + 1;
                weights[i][j] = entries.get(j).getValue() * idf;
                norm += weights[i][j] * weights[i][j];
            }
            for (int j = 0; j < terms[i].length; j++) {
                weights[i][j] /= norm > 0 ? Math.sqrt(norm) : 1;
            }
        }
        return kmeans(terms, weights, v, Math.min(k, n), new SplittableRandom(seed));
    }

    private static List<Integer> kmeans(int[][] terms, double[][] weights, int v, int k, SplittableRandom random) {
        int n = terms.length;
        double[][] centroids = new double[k][];
        double[] nearest = new double[n];
        centroids[0] = dense(random.nextInt(n), terms, weights, v);
        for (int c = 1; c <= k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                double dist = distance(terms[i], weights[i], centroids[c - 1], norm(centroids[c - 1]));
                nearest[i] = c == 1 ? dist : Math.min(nearest[i], dist);
                total += nearest[i];
            }
            if (c == k) {
                break;
            }
            double target = random.nextDouble() * total;
            int pick = n - 1;
            for (int i = 0; i < n && total > 0; i++) {
                target -= nearest[i];
                if (target <= 0) {
                    pick = i;
                    break;
                }
            }
            centroids[c] = dense(pick, terms, weights, v);
        }
        int[] assignment = new int[n];
        for (int iteration = 0; iteration < 300; iteration++) {
            double[] norms = new double[k];
            for (int c = 0; c < k; c++) {
                norms[c] = norm(centroids[c]);
            }
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestDist = Double.MAX_VALUE;
                for (int c = 0; c < k; c++) {
                    double dist = distance(terms[i], weights[i], centroids[c], norms[c]);
                    if (dist < bestDist) {
                        bestDist = dist;
                        best = c;
                    }
                }
                changed |= iteration == 0 || assignment[i] != best;
                assignment[i] = best;
            }
            if (!changed) {
                break;
            }
            double[][] sums = new double[k][v];
            int[] counts = new int[k];
            for (int i = 0; i < n; i++) {
                counts[assignment[i]]++;
                for (int j = 0; j < terms[i].length; j++) {
                    sums[assignment[i]][terms[i][j]] += weights[i][j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] > 0) {
                    for (int t = 0; t < v; t++) {
                        sums[c][t] /= counts[c];
                    }
                    centroids[c] = sums[c];
                }
            }
        }
        var result = new ArrayList<Integer>(n);
        for (int a : assignment) {
            result.add(a);
        }
        return result;
    }

    private static double[] dense(int row, int[][] terms, double[][] weights, int v) {
        double[] out = new double[v];
        for (int j = 0; j < terms[row].length; j++) {
            out[terms[row][j]] = weights[row][j];
        }
        return out;
    }

    private static double norm(double[] c) {
        double s = 0;
        for (double x : c) {
            s += x * x;
        }
        return s;
    }

    /** |x - c|^2 for a unit-length sparse x: 1 - 2 x.c + |c|^2 (0 - ... + |c|^2 for an empty x). */
    private static double distance(int[] terms, double[] weights, double[] c, double cNorm) {
        double dot = 0;
        double xNorm = 0;
        for (int j = 0; j < terms.length; j++) {
            dot += weights[j] * c[terms[j]];
            xNorm += weights[j] * weights[j];
        }
        return xNorm - 2 * dot + cNorm;
    }
}
