package org.incrowd.insight.opinions.algorithm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The adjusted Rand index of two labellings of the same items (Hubert and Arabie, 1985): 1 when they split the
 * items identically (whatever the label names), about 0 for unrelated splits, negative for worse than chance.
 * Used to compare Incrowd's groups with Pol.is's.
 */
public final class AdjustedRandIndex {

    private AdjustedRandIndex() {}

    /** @param a the first labelling, item by item; {@code b} labels the same items in the same order */
    public static <A, B> double of(List<A> a, List<B> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("Labellings differ in length: " + a.size() + " and " + b.size());
        }
        int n = a.size();
        var joint = new HashMap<List<Object>, Integer>();
        var rows = new HashMap<A, Integer>();
        var columns = new HashMap<B, Integer>();
        for (int i = 0; i < n; i++) {
            joint.merge(List.of(a.get(i), b.get(i)), 1, Integer::sum);
            rows.merge(a.get(i), 1, Integer::sum);
            columns.merge(b.get(i), 1, Integer::sum);
        }
        double index = pairs(joint);
        double rowPairs = pairs(rows);
        double columnPairs = pairs(columns);
        double expected = n < 2 ? 0 : rowPairs * columnPairs / ((double) n * (n - 1) / 2);
        double maximum = (rowPairs + columnPairs) / 2;
        if (maximum == expected) {
            return 1; // both put everything in one group, or each item alone: identical splits
        }
        return (index - expected) / (maximum - expected);
    }

    private static double pairs(Map<?, Integer> counts) {
        double sum = 0;
        for (int count : counts.values()) {
            sum += (double) count * (count - 1) / 2;
        }
        return sum;
    }
}
