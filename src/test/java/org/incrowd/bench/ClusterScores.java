package org.incrowd.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.insight.opinions.algorithm.AdjustedRandIndex;

/** Agreement of a clustering with reference classes, for the themes benchmark: ARI, NMI, purity, coverage. */
public final class ClusterScores {

    private ClusterScores() {}

    public static double ari(List<Integer> clusters, List<String> classes) {
        return AdjustedRandIndex.of(clusters, classes);
    }

    /** Normalised mutual information, arithmetic-mean normalisation (scikit-learn's default). */
    public static double nmi(List<Integer> clusters, List<String> classes) {
        int n = clusters.size();
        var joint = new HashMap<String, Integer>();
        var a = new HashMap<Integer, Integer>();
        var b = new HashMap<String, Integer>();
        for (int i = 0; i < n; i++) {
            joint.merge(clusters.get(i) + "\u0000" + classes.get(i), 1, Integer::sum);
            a.merge(clusters.get(i), 1, Integer::sum);
            b.merge(classes.get(i), 1, Integer::sum);
        }
        double mi = 0;
        for (var entry : joint.entrySet()) {
            String[] parts = entry.getKey().split("\u0000", 2);
            double pxy = (double) entry.getValue() / n;
            double px = (double) a.get(Integer.valueOf(parts[0])) / n;
            double py = (double) b.get(parts[1]) / n;
            mi += pxy * Math.log(pxy / (px * py));
        }
        double ha = entropy(a, n);
        double hb = entropy(b, n);
        return ha + hb == 0 ? 1 : 2 * mi / (ha + hb);
    }

    /** Share of items whose cluster's most common class is their own class. */
    public static double purity(List<Integer> clusters, List<String> classes) {
        var byCluster = new HashMap<Integer, Map<String, Integer>>();
        for (int i = 0; i < clusters.size(); i++) {
            byCluster.computeIfAbsent(clusters.get(i), c -> new HashMap<>()).merge(classes.get(i), 1, Integer::sum);
        }
        int majority = 0;
        for (var counts : byCluster.values()) {
            majority += counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
        return clusters.isEmpty() ? 0 : (double) majority / clusters.size();
    }

    /** Share of the classes that are the most common class of at least one cluster (ties to the smaller name). */
    public static double coverage(List<Integer> clusters, List<String> classes) {
        var byCluster = new HashMap<Integer, Map<String, Integer>>();
        for (int i = 0; i < clusters.size(); i++) {
            byCluster.computeIfAbsent(clusters.get(i), c -> new HashMap<>()).merge(classes.get(i), 1, Integer::sum);
        }
        var covered = new java.util.HashSet<String>();
        for (var counts : byCluster.values()) {
            counts.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry::getKey, java.util.Comparator.reverseOrder()))
                    .ifPresent(e -> covered.add(e.getKey()));
        }
        long all = classes.stream().distinct().count();
        return all == 0 ? 0 : (double) covered.size() / all;
    }

    private static double entropy(Map<?, Integer> counts, int n) {
        double h = 0;
        for (int count : counts.values()) {
            double p = (double) count / n;
            h -= p * Math.log(p);
        }
        return h;
    }
}
