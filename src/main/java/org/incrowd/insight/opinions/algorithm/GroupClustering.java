package org.incrowd.insight.opinions.algorithm;

import java.util.Arrays;

/**
 * Stage 3, groups, in Pol.is's two steps. First the grouped participants' points are summarised into (at most)
 * {@code baseClusters} base clusters by k-means; then the base clusters' centres, weighted by their sizes, are
 * clustered again for every k from 2 to the most allowed, and the k with the best {@link Silhouette} wins. The base
 * step makes the second one cost the same for 150 participants and for 150,000.
 *
 * <p>A conversation's first clustering starts as Pol.is starts one: from the first distinct points (participants in
 * the order Pol.is's matrix holds them, see {@link VoteMatrix#arrival}, or key order for a matrix without a history;
 * base clusters in the order of the points they started from). We tried starts that spread the centres
 * out (farthest-first, and the better of both by their sum of squared distances): on the Pol.is conversations they
 * agreed less with Pol.is's own groups (vTaiwan: adjusted Rand index 0.69 instead of 0.92).
 *
 * <p>A clustering that follows an earlier one of the same conversation ({@link Carried}, see {@link VoteHistory})
 * starts where that one ended, as Pol.is does ({@link CleanStart}): each earlier base cluster starts at the centre
 * of its members' places now, and each earlier group at the weighted centre of the base clusters that continue its
 * base clusters; while there are fewer clusters than wanted, the most distal point starts another. Pol.is's "k
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
     * @param arrival the points (indices) in the order Pol.is's matrix holds their rows, or null for key order: the
     *     order decides the first distinct points of a fresh start and the ties of the most distal point
     * @param before the previous clustering of the same conversation ({@link Carried#NONE} for none)
     */
    static Result cluster(double[] x, double[] y, long[] keys, int[] arrival, int baseClusters, int maxGroups,
            Carried before) {
        int n = x.length;
        if (n == 0) {
            return new Result(new int[0], 0, -1, before);
        }
        // The clustering runs on the points in arrival order; what it hands on is put back in key order.
        int[] order = arrival == null ? identity(n) : arrival;
        double[] ax = inOrder(x, order);
        double[] ay = inOrder(y, order);
        var start = before.keys().length == 0 ? fresh(ax, ay, baseClusters)
                : CleanStart.of(ax, ay, null, inOrder(earlier(before.keys(), before.base(), keys), order),
                        baseClusters);
        var base = KMeans.run(ax, ay, null, start.x(), start.y(), BASE_ROUNDS);
        int[] baseOfPoint = inKeyOrder(base.assignment(), order);
        // Per base cluster now, the earlier base cluster it continues (-1 for one split off a point).
        int[] baseLineage = new int[base.size()];
        for (int b = 0; b < base.size(); b++) {
            baseLineage[b] = start.origin()[base.origin()[b]];
        }
        int bases = base.size();
        int mostGroups = Math.min(maxGroups, 2 + bases / BASE_CLUSTERS_PER_EXTRA_GROUP);
        int[][] groupsByK = new int[mostGroups + 1][];
        int[][] groupOfBaseByK = new int[mostGroups + 1][];
        double[] silhouetteByK = new double[mostGroups + 1];
        int[] sizeByK = new int[mostGroups + 1];
        int best = 0;
        for (int k = 2; k <= mostGroups && k <= bases; k++) {
            var grouping = groupsOf(base, baseLineage, k, before.base(), before.groupsOf(k));
            groupOfBaseByK[k] = grouping.assignment();
            sizeByK[k] = grouping.size();
            silhouetteByK[k] = Silhouette.of(base.x(), base.y(), grouping.assignment(), grouping.size());
            groupsByK[k] = new int[n];
            for (int i = 0; i < n; i++) {
                groupsByK[k][i] = grouping.assignment()[baseOfPoint[i]];
            }
            // On a tie the larger number of groups wins: Pol.is's max-key over the ks in ascending order keeps the
            // last of equal silhouettes (conversation.clj, group-k-smoother).
            if (grouping.size() >= 2 && (best == 0 || silhouetteByK[k] >= silhouetteByK[best])) {
                best = k;
            }
        }
        if (best == 0) { // fewer than two base clusters: one group
            return new Result(new int[n], 1, -1,
                    new Carried(keys, baseOfPoint, groupsByK, before.shown(), before.best(), before.bestRuns()));
        }
        int bestRuns = best == before.best() ? before.bestRuns() + 1 : 1;
        int shown = before.shown() == 0 || bestRuns >= K_SMOOTHER || before.shown() >= groupsByK.length
                || groupsByK[before.shown()] == null ? best : before.shown();
        int[] group = groupsByK[shown].clone();
        int groups = sizeByK[shown];
        renumberBySize(group, groups);
        return new Result(group, groups, silhouetteByK[shown],
                new Carried(keys, baseOfPoint, groupsByK, shown, best, bestRuns));
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        return order;
    }

    /** The values of the points in {@code order}. */
    private static double[] inOrder(double[] values, int[] order) {
        double[] out = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }

    private static int[] inOrder(int[] values, int[] order) {
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }

    /** Values given per point in {@code order}, back in key order. */
    private static int[] inKeyOrder(int[] values, int[] order) {
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[order[i]] = values[i];
        }
        return out;
    }

    /** Pol.is's start for a new clustering: the first k distinct points. */
    private static CleanStart.Start fresh(double[] x, double[] y, int k) {
        double[][] first = KMeans.firstDistinct(x, y, k);
        int[] origin = new int[first[0].length];
        Arrays.fill(origin, -1);
        return new CleanStart.Start(first[0], first[1], origin);
    }

    /**
     * Per participant now, its cluster in the earlier clustering, or -1 for one new to it.
     *
     * @param beforeKeys the earlier clustering's participants, ascending
     * @param before per earlier participant, its cluster
     */
    private static int[] earlier(long[] beforeKeys, int[] before, long[] keys) {
        int[] earlier = new int[keys.length];
        // Both key lists ascend: one walk matches them.
        for (int i = 0, j = 0; i < keys.length; i++) {
            while (j < beforeKeys.length && beforeKeys[j] < keys[i]) {
                j++;
            }
            earlier[i] = j < beforeKeys.length && beforeKeys[j] == keys[i] ? before[j] : -1;
        }
        return earlier;
    }

    /**
     * The k-clustering of the base clusters, as Pol.is carries it: its groups are sets of base clusters, so each
     * earlier group starts at the weighted mean of the base clusters now that continue its base clusters, through
     * {@link CleanStart} (a base cluster split off a point belongs to no group until the k-means places it). A k not
     * tried before starts from the first k distinct base centres, Pol.is's start for a new clustering.
     *
     * @param baseLineage per base cluster now, the earlier base cluster it continues, or -1
     * @param beforeBase per earlier participant, its earlier base cluster
     * @param before per earlier participant, its group in the earlier k-clustering (null: k not tried)
     */
    private static KMeans.Clustering groupsOf(KMeans.Clustering base, int[] baseLineage, int k, int[] beforeBase,
            int[] before) {
        if (before == null) {
            double[][] init = KMeans.firstDistinct(base.x(), base.y(), k);
            return KMeans.run(base.x(), base.y(), base.weight(), init[0], init[1], GROUP_ROUNDS);
        }
        int earlierBases = 0;
        for (int b : beforeBase) {
            earlierBases = Math.max(earlierBases, b + 1);
        }
        // Every member of an earlier base cluster had that base cluster's group.
        int[] groupOfEarlierBase = new int[earlierBases];
        Arrays.fill(groupOfEarlierBase, -1);
        for (int j = 0; j < before.length; j++) {
            groupOfEarlierBase[beforeBase[j]] = before[j];
        }
        int[] earlier = new int[base.size()];
        for (int b = 0; b < earlier.length; b++) {
            earlier[b] = baseLineage[b] < 0 ? -1 : groupOfEarlierBase[baseLineage[b]];
        }
        var start = CleanStart.of(base.x(), base.y(), base.weight(), earlier, k);
        return KMeans.run(base.x(), base.y(), base.weight(), start.x(), start.y(), GROUP_ROUNDS);
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
