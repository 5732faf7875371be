package org.incrowd.insight.participation;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.incrowd.insight.participation.algorithm.Dimension;

/**
 * Changes to a Jam's stored figures, summed over people: what a person's new share minus their old share comes to,
 * or everyone's share when a Jam is built. Kept sorted, so every writer updates rows in the same order (no
 * deadlocks) and rows that end up unchanged are not written at all.
 */
final class FigureChanges {

    /** The timeline widths the page chooses among (TimeBuckets), in hours: each is kept, so any can be shown. */
    static final int[] WIDTHS_HOURS = {1, 6, 24, 168};
    /** The scope of the invited and joined, added to the Jam's and each forum's. */
    static final long BASE = -1;
    /** The scope of the whole Jam. */
    static final long JAM = 0;

    /** A group of one dimension ({@link Dimension} name) in a scope; '' for "not given". */
    record GroupKey(long scope, String dimension, String value) {
    }

    record BucketKey(long scope, int widthHours, long bucket) {
    }

    private static final Comparator<GroupKey> GROUP_ORDER = Comparator.comparingLong(GroupKey::scope)
            .thenComparing(GroupKey::dimension).thenComparing(GroupKey::value);
    private static final Comparator<BucketKey> BUCKET_ORDER = Comparator.comparingLong(BucketKey::scope)
            .thenComparingInt(BucketKey::widthHours).thenComparingLong(BucketKey::bucket);

    /** people, invited, joined, active, active invited, posts. */
    private final Map<GroupKey, long[]> groups = new TreeMap<>(GROUP_ORDER);
    /** people, posts. */
    private final Map<BucketKey, long[]> buckets = new TreeMap<>(BUCKET_ORDER);

    /** Adds ({@code sign} 1) or takes away (-1) one person's share of the figures. */
    void add(PersonFigures person, int sign) {
        var activity = person.activity();
        var scopes = new java.util.TreeSet<Long>();
        scopes.add(JAM);
        for (long forum : activity.forums()) {
            scopes.add(forum);
        }
        if (activity.isEmpty()) {
            scopes.clear();
        }
        for (long scope : scopes) {
            for (int width : WIDTHS_HOURS) {
                var postsPerBucket = new HashMap<Long, Long>();
                activity.forEachIn(scope, (hour, posts) -> postsPerBucket.merge(Math.floorDiv(hour, width), posts,
                        Long::sum));
                postsPerBucket.forEach((bucket, posts) -> add(buckets, new BucketKey(scope, width, bucket),
                        sign, 1, posts));
            }
        }
        var standing = person.standing();
        if (!person.counted()) {
            return;
        }
        long invited = standing.invited() ? 1 : 0;
        if (standing.inBase()) {
            // Invited by type: person and invitation are counted among their type's people already.
            long here = standing.byType() ? 0 : 1;
            addToGroups(BASE, standing, sign, here, here * invited, standing.joined() ? 1 : 0, 0, 0, 0);
        }
        for (long scope : scopes) {
            long[] posts = {0};
            activity.forEachIn(scope, (hour, n) -> posts[0] += n);
            addToGroups(scope, standing, sign, standing.inBase() ? 0 : 1, 0, 0, 1, invited, posts[0]);
        }
    }

    Map<GroupKey, long[]> groups() {
        groups.values().removeIf(FigureChanges::zero);
        return groups;
    }

    Map<BucketKey, long[]> buckets() {
        buckets.values().removeIf(FigureChanges::zero);
        return buckets;
    }

    /** A person counts once in their group of each dimension. */
    private void addToGroups(long scope, Standing standing, int sign, long... values) {
        for (Dimension dimension : Dimension.values()) {
            add(groups, new GroupKey(scope, dimension.name(), standing.valueOf(dimension)), sign, values);
        }
    }

    private static <K> void add(Map<K, long[]> figures, K key, int sign, long... values) {
        long[] sums = figures.computeIfAbsent(key, k -> new long[values.length]);
        for (int i = 0; i < values.length; i++) {
            sums[i] += sign * values[i];
        }
    }

    private static boolean zero(long[] values) {
        for (long value : values) {
            if (value != 0) {
                return false;
            }
        }
        return true;
    }
}
