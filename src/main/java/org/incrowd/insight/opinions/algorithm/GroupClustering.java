package org.incrowd.insight.opinions.algorithm;

import java.util.Arrays;

/**
 * Stage 3, groups, in Pol.is's two steps. First the grouped participants' points are summarised into (at most)
 * {@code baseClusters} base clusters by k-means; then the base clusters' centres, weighted by their sizes, are
 * clustered again for every k from 2 to the most allowed, and the k with the best {@link Silhouette} wins. The base
 * step makes the second one cost the same for 150 participants and for 150,000.
 *
 * <p>Deterministic starts, as Pol.is starts a new clustering: from the first distinct points (participants in key
 * order; base clusters in the order of the points they started from). We tried starts that spread the centres out
 * (farthest-first, and the better of both by their sum of squared distances): on the Pol.is conversations they agreed less with Pol.is's
 * own groups (vTaiwan: adjusted Rand index 0.69 instead of 0.92), so Pol.is's start stays.
 *
 * <p>An update starts the same way, not from the previous centres as Pol.is does. We measured both on a
 * Jam-sized conversation (150,000 participants): from the previous centres, the base clusters end elsewhere after
 * their bounded rounds, and about 1 % of participants then land in another group than a full recomputation puts them
 * in (adjusted Rand index 0.976); from the usual start, none do. It costs nothing: the base rounds do not settle
 * within their bound from either start, so both run the same number of rounds (about 25 ms at Jam size). The
 * update's saving is in the principal components, by far the larger cost.
 *
 * <p>Not taken from Pol.is: its "k smoother", which holds back a change of the number of groups until the new
 * number has won four recomputations in a row. It depends on the history of recomputations, so the same votes could
 * give different groups; here the same votes always give the same groups.
 */
final class GroupClustering {

    /**
     * Bound on base k-means rounds: Pol.is's (10 iterations after the first round). Base clusters only summarise
     * the points; their last rounds move few participants and no group.
     */
    private static final int BASE_ROUNDS = 11;

    /** Bound on group k-means rounds: Pol.is's default (20 iterations after the first round). */
    private static final int GROUP_ROUNDS = 21;

    /** Pol.is: the most groups tried is 2 + one per 12 base clusters, at most {@code maxGroups}. */
    private static final int BASE_CLUSTERS_PER_EXTRA_GROUP = 12;

    /**
     * @param group per point, the group (0 = largest, ties to the group with the earliest point)
     * @param groups number of groups
     * @param silhouette the chosen clustering's silhouette (−1 with fewer than two groups)
     */
    record Result(int[] group, int groups, double silhouette) {}

    private GroupClustering() {}

    /** @param x the grouped participants' points, in participant key order */
    static Result cluster(double[] x, double[] y, int baseClusters, int maxGroups) {
        int n = x.length;
        if (n == 0) {
            return new Result(new int[0], 0, -1);
        }
        double[][] start = KMeans.firstDistinct(x, y, baseClusters);
        var base = KMeans.run(x, y, null, start[0], start[1], BASE_ROUNDS);
        int bases = base.size();
        int[] groupOfBase = new int[bases];
        int groups = 1;
        double bestSilhouette = -1;
        int mostGroups = Math.min(maxGroups, 2 + bases / BASE_CLUSTERS_PER_EXTRA_GROUP);
        for (int k = 2; k <= mostGroups && k <= bases; k++) {
            var grouping = groupsOf(base, k);
            double silhouette = Silhouette.of(base.x(), base.y(), grouping.assignment(), grouping.size());
            // Strictly better only: on a tie the smaller number of groups stays.
            if (grouping.size() >= 2 && silhouette > bestSilhouette) {
                bestSilhouette = silhouette;
                groups = grouping.size();
                groupOfBase = grouping.assignment();
            }
        }
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            group[i] = groupOfBase[base.assignment()[i]];
        }
        renumberBySize(group, groups);
        return new Result(group, groups, bestSilhouette);
    }

    /** Pol.is's start for a group clustering: the first k distinct base centres (see the class comment). */
    private static KMeans.Clustering groupsOf(KMeans.Clustering base, int k) {
        double[][] init = KMeans.firstDistinct(base.x(), base.y(), k);
        return KMeans.run(base.x(), base.y(), base.weight(), init[0], init[1], GROUP_ROUNDS);
    }

    /** Group 0 the largest, ties to the group whose earliest point comes first (points are in key order). */
    private static void renumberBySize(int[] group, int groups) {
        int[] size = new int[groups];
        int[] earliest = new int[groups];
        Arrays.fill(earliest, Integer.MAX_VALUE);
        for (int i = group.length - 1; i >= 0; i--) {
            size[group[i]]++;
            earliest[group[i]] = i;
        }
        Integer[] order = new Integer[groups];
        for (int g = 0; g < groups; g++) {
            order[g] = g;
        }
        Arrays.sort(order, (a, b) -> size[a] != size[b] ? Integer.compare(size[b], size[a])
                : Integer.compare(earliest[a], earliest[b]));
        int[] rank = new int[groups];
        for (int r = 0; r < groups; r++) {
            rank[order[r]] = r;
        }
        for (int i = 0; i < group.length; i++) {
            group[i] = rank[group[i]];
        }
    }
}
