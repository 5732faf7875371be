package org.incrowd.insight.opinions.algorithm;

/**
 * The silhouette coefficient of a clustering, Pol.is's way of choosing how many groups there are: for each point,
 * (b − a) / max(a, b), where a is its mean distance to the other points of its own cluster and b its mean distance
 * to the points of the nearest other cluster; averaged over all points. Near 1: tight, well separated clusters.
 *
 * <p>As in Pol.is, the points are the base clusters' centres, each counted once whatever its size, and a point alone
 * in its cluster scores 0.
 */
final class Silhouette {

    private Silhouette() {}

    /** @return the mean silhouette, or −1 when there are fewer than two clusters (nothing to compare) */
    static double of(double[] x, double[] y, int[] cluster, int clusters) {
        int n = x.length;
        if (clusters < 2 || n == 0) {
            return -1;
        }
        int[] size = new int[clusters];
        for (int c : cluster) {
            size[c]++;
        }
        double total = 0;
        double[] distanceTo = new double[clusters];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(distanceTo, 0);
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    distanceTo[cluster[j]] += KMeans.distance(x[i] - x[j], y[i] - y[j]);
                }
            }
            int own = cluster[i];
            if (size[own] == 1) {
                continue; // counts as 0
            }
            double a = distanceTo[own] / (size[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < clusters; c++) {
                if (c != own && size[c] > 0) {
                    b = Math.min(b, distanceTo[c] / size[c]);
                }
            }
            double larger = Math.max(a, b);
            total += larger == 0 || Double.isInfinite(b) ? 0 : (b - a) / larger;
        }
        return total / n;
    }
}
