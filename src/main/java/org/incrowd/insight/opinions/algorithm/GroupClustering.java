package org.incrowd.insight.opinions.algorithm;

import java.util.Arrays;

/**
 * Stage 3, groups, in Pol.is's two steps. First the grouped participants' points are summarised into (at most)
 * {@code baseClusters} base clusters by k-means; then the base clusters' centres, weighted by their sizes, are
 * clustered again for every k from 2 to the most allowed, and the k with the best {@link Silhouette} wins. The base
 * step makes the second one cost the same for 150 participants and for 150,000.
 *
 * <p>A conversation's first clustering starts as Pol.is starts one: from the first distinct points (participants in
 * key order; base clusters in the order of the points they started from). We tried starts that spread the centres
 * out (farthest-first, and the better of both by their sum of squared distances): on the Pol.is conversations they
 * agreed less with Pol.is's own groups (vTaiwan: adjusted Rand index 0.69 instead of 0.92).
 *
 * <p>A clustering that follows an earlier one of the same conversation ({@link Carried}, see {@link VoteHistory})
 * starts where that one ended, as Pol.is does: each earlier base cluster and each earlier group starts at the centre
 * of its members' places now; participants new to the groups start extra clusters if there is room. Pol.is's "k
 * smoother" goes with it: the number of groups changes only once another number has had the best silhouette
 * {@value #K_SMOOTHER} times in a row. Groups are then the product of the conversation's history, as Pol.is's are: two
 * camps found early stay two camps while votes arrive, instead of jumping to whichever split of the same points a
 * fresh start happens to reach.
 *
 * <p>{@link OpinionAnalysis#update} does not carry groups (it starts afresh): its recomputations come whenever the
 * server gets to them, so carrying would make the groups depend on timing. The history replays the votes at fixed
 * moments of their own times instead, so the same votes at the same times give the same groups.
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

    /** Pol.is's "group-k-buffer": how many clusterings in a row another number of groups must win to be taken. */
    static final int K_SMOOTHER = 4;

    /**
     * @param group per point, the group (0 = largest, ties to the group with the earliest point)
     * @param groups number of groups
     * @param silhouette the chosen clustering's silhouette (−1 with fewer than two groups)
     * @param carried what the next clustering of the same conversation starts from
     */
    record Result(int[] group, int groups, double silhouette, Carried carried) {}

    /**
     * What a clustering hands to the next one of the same conversation: per grouped participant (keys ascending) its
     * base cluster and, per number of groups k tried, its group in the k-clustering (before renumbering by size); and
     * the k smoother's state.
     *
     * @param groupsByK indexed by k; null where k was not tried
     * @param shown the number of groups shown (0 before any clustering)
     * @param best the number of groups with the best silhouette in the latest clustering
     * @param bestRuns how many clusterings in a row {@code best} has won
     */
    record Carried(long[] keys, int[] base, int[][] groupsByK, int shown, int best, int bestRuns) {

        static final Carried NONE = new Carried(new long[0], new int[0], new int[0][], 0, 0, 0);

        int[] groupsOf(int k) {
            return k < groupsByK.length ? groupsByK[k] : null;
        }
    }

    private GroupClustering() {}

    /**
     * @param x the grouped participants' points, in participant key order
     * @param keys the grouped participants' keys, ascending
     * @param before the previous clustering of the same conversation ({@link Carried#NONE} for none)
     */
    static Result cluster(double[] x, double[] y, long[] keys, int baseClusters, int maxGroups, Carried before) {
        int n = x.length;
        if (n == 0) {
            return new Result(new int[0], 0, -1, before);
        }
        double[][] start = startFrom(before.keys(), before.base(), keys, x, y, baseClusters);
        var base = KMeans.run(x, y, null, start[0], start[1], BASE_ROUNDS);
        int bases = base.size();
        int mostGroups = Math.min(maxGroups, 2 + bases / BASE_CLUSTERS_PER_EXTRA_GROUP);
        int[][] groupsByK = new int[mostGroups + 1][];
        int[][] groupOfBaseByK = new int[mostGroups + 1][];
        double[] silhouetteByK = new double[mostGroups + 1];
        int[] sizeByK = new int[mostGroups + 1];
        int best = 0;
        for (int k = 2; k <= mostGroups && k <= bases; k++) {
            var grouping = groupsOf(base, k, before.keys(), before.groupsOf(k), keys, x, y);
            groupOfBaseByK[k] = grouping.assignment();
            sizeByK[k] = grouping.size();
            silhouetteByK[k] = Silhouette.of(base.x(), base.y(), grouping.assignment(), grouping.size());
            groupsByK[k] = new int[n];
            for (int i = 0; i < n; i++) {
                groupsByK[k][i] = grouping.assignment()[base.assignment()[i]];
            }
            // Strictly better only: on a tie the smaller number of groups stays.
            if (grouping.size() >= 2 && (best == 0 || silhouetteByK[k] > silhouetteByK[best])) {
                best = k;
            }
        }
        if (best == 0) { // fewer than two base clusters: one group
            return new Result(new int[n], 1, -1,
                    new Carried(keys, base.assignment(), groupsByK, before.shown(), before.best(), before.bestRuns()));
        }
        int bestRuns = best == before.best() ? before.bestRuns() + 1 : 1;
        int shown = before.shown() == 0 || bestRuns >= K_SMOOTHER || before.shown() >= groupsByK.length
                || groupsByK[before.shown()] == null ? best : before.shown();
        int[] group = groupsByK[shown].clone();
        int groups = sizeByK[shown];
        renumberBySize(group, groups);
        return new Result(group, groups, silhouetteByK[shown],
                new Carried(keys, base.assignment(), groupsByK, shown, best, bestRuns));
    }

    /**
     * The k-clustering of the base clusters: from the centres of the previous k-clustering's groups, at their
     * members' places now (topped up from the first distinct base centres), or Pol.is's start for a new clustering,
     * the first k distinct base centres.
     */
    private static KMeans.Clustering groupsOf(KMeans.Clustering base, int k, long[] beforeKeys, int[] before,
            long[] keys, double[] x, double[] y) {
        double[][] init = before == null ? KMeans.firstDistinct(base.x(), base.y(), k)
                : topUp(startFrom(beforeKeys, before, keys, x, y, k), base, k);
        return KMeans.run(base.x(), base.y(), base.weight(), init[0], init[1], GROUP_ROUNDS);
    }

    /**
     * Up to {@code k} starting centres: first each earlier cluster's members' mean place now (clusters in their
     * earlier order, those without members left out), then the first distinct places of participants in no earlier
     * cluster. Without an earlier clustering: the first k distinct points, Pol.is's start.
     *
     * @param beforeKeys the earlier clustering's participants, ascending
     * @param before per earlier participant, its cluster
     */
    private static double[][] startFrom(long[] beforeKeys, int[] before, long[] keys, double[] x, double[] y, int k) {
        int clusters = 0;
        for (int c : before) {
            clusters = Math.max(clusters, c + 1);
        }
        double[] sumX = new double[clusters];
        double[] sumY = new double[clusters];
        int[] members = new int[clusters];
        double[] newX = new double[keys.length];
        double[] newY = new double[keys.length];
        int fresh = 0;
        // Both key lists ascend: one walk matches them.
        for (int i = 0, j = 0; i < keys.length; i++) {
            while (j < beforeKeys.length && beforeKeys[j] < keys[i]) {
                j++;
            }
            if (j < beforeKeys.length && beforeKeys[j] == keys[i]) {
                int c = before[j];
                sumX[c] += x[i];
                sumY[c] += y[i];
                members[c]++;
            } else {
                newX[fresh] = x[i];
                newY[fresh++] = y[i];
            }
        }
        double[] startX = new double[k];
        double[] startY = new double[k];
        int found = 0;
        for (int c = 0; c < clusters && found < k; c++) {
            if (members[c] > 0) {
                startX[found] = sumX[c] / members[c];
                startY[found++] = sumY[c] / members[c];
            }
        }
        double[][] extra = KMeans.firstDistinct(Arrays.copyOf(newX, fresh), Arrays.copyOf(newY, fresh), k - found);
        for (int e = 0; e < extra[0].length; e++) {
            startX[found] = extra[0][e];
            startY[found++] = extra[1][e];
        }
        return new double[][] {Arrays.copyOf(startX, found), Arrays.copyOf(startY, found)};
    }

    /** Fills a start up to {@code k} centres with the first base centres not already among them. */
    private static double[][] topUp(double[][] start, KMeans.Clustering base, int k) {
        if (start[0].length >= k) {
            return start;
        }
        double[] startX = Arrays.copyOf(start[0], k);
        double[] startY = Arrays.copyOf(start[1], k);
        int found = start[0].length;
        for (int b = 0; b < base.size() && found < k; b++) {
            boolean taken = false;
            for (int c = 0; c < found && !taken; c++) {
                taken = startX[c] == base.x()[b] && startY[c] == base.y()[b];
            }
            if (!taken) {
                startX[found] = base.x()[b];
                startY[found++] = base.y()[b];
            }
        }
        return new double[][] {Arrays.copyOf(startX, found), Arrays.copyOf(startY, found)};
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
