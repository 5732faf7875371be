package org.incrowd.insight.themes.algorithm;

/**
 * Average-linkage agglomerative clustering (UPGMA: the distance between two clusters is the mean distance between
 * their members) of a full distance matrix, cut at k clusters (or at k clusters of a smallest size, the items of
 * smaller ones left out). The merges are found with the nearest-neighbour chain (Murtagh 1983), which needs O(n^2)
 * time instead of the naive O(n^3) and gives the same hierarchy for average linkage, because merging two clusters
 * never brings the merged cluster nearer to a third than the nearer of the two was. Ties go to the lowest index, so
 * the result is the same on every run.
 */
final class AverageLinkage {

    private AverageLinkage() {}

    /**
     * Each of the n items' cluster, numbered 0.. in order of each cluster's first item, after merging the nearest
     * clusters until {@code k} are left. {@code distance} (n x n, row by row, symmetric) is overwritten.
     */
    static int[] cut(float[] distance, int n, int k) {
        return cut(distance, n, k, 1);
    }

    /**
     * Like {@link #cut(float[], int, int)}, but only clusters of at least {@code smallest} items count towards the k:
     * the hierarchy is cut at the highest level at which k clusters hold that many items each, and the items of the
     * smaller clusters there get -1 (they belong to none of the k). Going down the hierarchy from the plain cut at k
     * undoes the last merges first: a merge of two large clusters gives back one large cluster more, a merge that
     * added a few stray items to a large cluster gives back none, so the first level with k large clusters is the
     * plain cut with stray items taken out and, for each small cluster that took a place, the last merge of two
     * large ones undone. Where no level has k such clusters, the plain cut is returned.
     */
    static int[] cut(float[] distance, int n, int k, int smallest) {
        int wanted = Math.max(k, 1);
        int[][] merged = hierarchy(distance, n);
        int plain = Math.max(0, n - wanted);
        int merges = mergesKeeping(merged, n, plain, wanted, smallest);
        if (merges < 0) {
            merges = plain;
            smallest = 1;
        }
        int[] parent = new int[n];
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
        }
        for (int m = 0; m < merges; m++) {
            union(parent, size, merged[m]);
        }
        int[] numberOfRoot = new int[n];
        java.util.Arrays.fill(numberOfRoot, -1);
        int[] cluster = new int[n];
        int clusters = 0;
        for (int i = 0; i < n; i++) {
            int r = root(parent, i);
            if (size[r] < smallest) {
                cluster[i] = -1;
                continue;
            }
            if (numberOfRoot[r] < 0) {
                numberOfRoot[r] = clusters++;
            }
            cluster[i] = numberOfRoot[r];
        }
        return cluster;
    }

    /**
     * The most merges, at most {@code most}, after which {@code wanted} clusters hold at least {@code smallest} items
     * each, or -1 if no number of merges does. A merge changes the count of such clusters by at most one, and after
     * {@code most} merges there are only {@code wanted} clusters left, so the count there is exactly {@code wanted}.
     */
    private static int mergesKeeping(int[][] merged, int n, int most, int wanted, int smallest) {
        int[] parent = new int[n];
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
        }
        int large = smallest <= 1 ? n : 0;
        int found = large >= wanted ? 0 : -1;
        for (int m = 0; m < most; m++) {
            int a = size[root(parent, merged[m][0])];
            int b = size[root(parent, merged[m][1])];
            union(parent, size, merged[m]);
            large += (a + b >= smallest ? 1 : 0) - (a >= smallest ? 1 : 0) - (b >= smallest ? 1 : 0);
            if (large >= wanted) {
                found = m + 1;
            }
        }
        return found;
    }

    /** Joins the clusters of a merge's two slots; the root of the second keeps the summed size. */
    private static void union(int[] parent, int[] size, int[] merge) {
        int low = root(parent, merge[0]);
        int high = root(parent, merge[1]);
        parent[low] = high;
        size[high] += size[low];
    }

    /**
     * The n - 1 merges as pairs of item slots (a merged cluster keeps the second slot), in the order agglomeration
     * would make them: by height, a merge never before the merges that formed its two clusters.
     */
    private static int[][] hierarchy(float[] distance, int n) {
        int[] size = new int[n];
        boolean[] alive = new boolean[n];
        java.util.Arrays.fill(size, 1);
        java.util.Arrays.fill(alive, true);
        int[] chain = new int[n];
        int length = 0;
        int[][] merged = new int[Math.max(0, n - 1)][];
        double[] height = new double[merged.length];
        double[] formedAt = new double[n]; // the height of the merge that formed each slot's cluster
        int next = 0;
        for (int m = 0; m < merged.length; m++) {
            if (length == 0) {
                while (!alive[next]) {
                    next++;
                }
                chain[length++] = next;
            }
            while (true) {
                int a = chain[length - 1];
                int previous = length > 1 ? chain[length - 2] : -1;
                int b = nearest(distance, n, alive, a, previous);
                if (b == previous) {
                    length -= 2;
                    int low = Math.min(a, b);
                    int high = Math.max(a, b);
                    // Heights are made monotone along the hierarchy, so that rounding cannot order a merge before
                    // one that formed its parts.
                    height[m] = Math.max(distance[a * n + b], Math.max(formedAt[a], formedAt[b]));
                    merged[m] = new int[] {low, high};
                    join(distance, n, alive, size, low, high);
                    formedAt[high] = height[m];
                    break;
                }
                chain[length++] = b;
            }
        }
        Integer[] order = new Integer[merged.length];
        for (int m = 0; m < order.length; m++) {
            order[m] = m;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(height[p], height[q])); // stable: ties keep their order
        int[][] sorted = new int[merged.length][];
        for (int m = 0; m < order.length; m++) {
            sorted[m] = merged[order[m]];
        }
        return sorted;
    }

    /** The living cluster nearest to {@code a}: {@code previous} on a tie with it (the chain must close), else the lowest. */
    private static int nearest(float[] distance, int n, boolean[] alive, int a, int previous) {
        int best = previous;
        float bestDistance = previous >= 0 ? distance[a * n + previous] : Float.POSITIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            if (alive[c] && c != a && distance[a * n + c] < bestDistance) {
                best = c;
                bestDistance = distance[a * n + c];
            }
        }
        return best;
    }

    /** Cluster {@code low} joins {@code high}; distances to the joined cluster are the size-weighted means. */
    private static void join(float[] distance, int n, boolean[] alive, int[] size, int low, int high) {
        alive[low] = false;
        double total = size[low] + size[high];
        for (int c = 0; c < n; c++) {
            if (alive[c] && c != high) {
                float joined = (float) ((size[low] * (double) distance[low * n + c]
                        + size[high] * (double) distance[high * n + c]) / total);
                distance[high * n + c] = joined;
                distance[c * n + high] = joined;
            }
        }
        size[high] += size[low];
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return parent[i];
    }
}
