package org.incrowd.insight.opinions.algorithm;

import java.util.Arrays;
import java.util.HashSet;

/**
 * Where a k-means that follows an earlier clustering of the same conversation starts: Pol.is's
 * {@code clean-start-clusters} (clusters.clj). Each earlier cluster starts at the (weighted) mean of its members'
 * places now, clusters left without members are dropped, clusters that now start at the same place are merged;
 * then, while there are fewer clusters than k (and than distinct points), the point farthest from every centre
 * leaves its cluster and starts a new one, and the centres are taken again. Points new to the clustering belong to
 * no earlier cluster: they only shape the centres from the k-means' first round on, or start a cluster of their own
 * by being the farthest.
 *
 * <p>The most distal point, not the next distinct one, is what Pol.is takes: a camp that arrives late, far from
 * everyone earlier, gets a cluster of its own at once.
 */
final class CleanStart {

    private CleanStart() {}

    /**
     * @param x starting centres' x, in the earlier clusters' order, then the split-off ones
     * @param origin per starting centre, the earlier cluster it continues, or -1 for one split off a point
     */
    record Start(double[] x, double[] y, int[] origin) {}

    /**
     * @param px the points now
     * @param weights per point, null for all 1
     * @param earlier per point, its earlier cluster (0 ...), or -1 for a point in none
     * @param k the clusters wanted
     */
    static Start of(double[] px, double[] py, double[] weights, int[] earlier, int k) {
        int n = px.length;
        int clusters = 0;
        for (int c : earlier) {
            clusters = Math.max(clusters, c + 1);
        }
        int[] member = earlier.clone();
        // Each cluster by its earlier index; a merged or dropped one is -1 in 'alive'.
        int[] origin = new int[clusters];
        Arrays.setAll(origin, c -> c);
        double[][] centre = centres(px, py, weights, member, clusters);
        boolean[] alive = new boolean[clusters];
        for (int c = 0; c < clusters; c++) {
            alive[c] = !Double.isNaN(centre[0][c]);
        }
        // Merge clusters that start at the same place. The merged cluster continues the one with more members
        // (the later on a tie), as Pol.is's merge-clusters keeps the id of max-key count; its place in the order,
        // which is Pol.is's order of ids, is that one's too.
        int[] count = new int[clusters];
        for (int c : member) {
            if (c >= 0) {
                count[c]++;
            }
        }
        for (int c = 0; c < clusters; c++) {
            for (int d = 0; d < c && alive[c]; d++) {
                if (alive[d] && centre[0][d] == centre[0][c] && centre[1][d] == centre[1][c]) {
                    int kept = count[d] > count[c] ? d : c;
                    int gone = kept == d ? c : d;
                    for (int i = 0; i < n; i++) {
                        member[i] = member[i] == gone ? kept : member[i];
                    }
                    count[kept] += count[gone];
                    alive[gone] = false;
                }
            }
        }
        int live = 0;
        for (boolean a : alive) {
            live += a ? 1 : 0;
        }
        if (live == 0) {
            // Pol.is: nothing left of the earlier clusters, one cluster of everyone.
            Arrays.fill(member, 0);
            return split(px, py, weights, member, new int[] {-1}, k);
        }
        // Renumber the living clusters in their order.
        int[] renumber = new int[clusters];
        int[] kept = new int[live];
        for (int c = 0, next = 0; c < clusters; c++) {
            renumber[c] = alive[c] ? next : -1;
            if (alive[c]) {
                kept[next++] = origin[c];
            }
        }
        for (int i = 0; i < n; i++) {
            member[i] = member[i] < 0 ? -1 : renumber[member[i]];
        }
        return split(px, py, weights, member, kept, k);
    }

    /** Splits off the most distal point into a cluster of its own until there are enough clusters. */
    private static Start split(double[] px, double[] py, double[] weights, int[] member, int[] origins, int k) {
        int n = px.length;
        int possible = Math.min(k, distinct(px, py));
        int clusters = origins.length;
        int[] origin = Arrays.copyOf(origins, Math.max(clusters, possible));
        double[][] centre = centres(px, py, weights, member, clusters);
        while (clusters < possible) {
            // The point whose nearest centre is farthest (ties to the later point, as Pol.is's max-key).
            int farthest = -1;
            double farthestDistance = -1;
            for (int i = 0; i < n; i++) {
                double nearest = Double.POSITIVE_INFINITY;
                for (int c = 0; c < clusters; c++) {
                    if (!Double.isNaN(centre[0][c])) {
                        nearest = Math.min(nearest, KMeans.distance(px[i] - centre[0][c], py[i] - centre[1][c]));
                    }
                }
                if (nearest >= farthestDistance) {
                    farthest = i;
                    farthestDistance = nearest;
                }
            }
            if (farthestDistance <= 0) {
                break;
            }
            member[farthest] = clusters;
            origin[clusters++] = -1;
            centre = centres(px, py, weights, member, clusters);
        }
        // A cluster emptied by a split has no centre: leave it out.
        int live = 0;
        double[] x = new double[clusters];
        double[] y = new double[clusters];
        int[] from = new int[clusters];
        for (int c = 0; c < clusters; c++) {
            if (!Double.isNaN(centre[0][c])) {
                x[live] = centre[0][c];
                y[live] = centre[1][c];
                from[live++] = origin[c];
            }
        }
        return new Start(Arrays.copyOf(x, live), Arrays.copyOf(y, live), Arrays.copyOf(from, live));
    }

    /** Each cluster's weighted mean of its members (NaN for a cluster without members). */
    private static double[][] centres(double[] px, double[] py, double[] weights, int[] member, int clusters) {
        double[] sx = new double[clusters];
        double[] sy = new double[clusters];
        double[] sw = new double[clusters];
        for (int i = 0; i < px.length; i++) {
            int c = member[i];
            if (c >= 0) {
                double w = weights == null ? 1 : weights[i];
                sx[c] += w * px[i];
                sy[c] += w * py[i];
                sw[c] += w;
            }
        }
        for (int c = 0; c < clusters; c++) {
            sx[c] = sw[c] > 0 ? sx[c] / sw[c] : Double.NaN;
            sy[c] = sw[c] > 0 ? sy[c] / sw[c] : Double.NaN;
        }
        return new double[][] {sx, sy};
    }

    private static int distinct(double[] px, double[] py) {
        var seen = new HashSet<Point>();
        for (int i = 0; i < px.length; i++) {
            seen.add(new Point(px[i], py[i]));
        }
        return seen.size();
    }

    private record Point(double x, double y) {}
}
