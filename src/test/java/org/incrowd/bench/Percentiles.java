package org.incrowd.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** p50 / p95 / p99 / max of a set of durations in milliseconds (nearest rank), rounded to 0.1 ms. */
final class Percentiles {

    private Percentiles() {}

    static Map<String, Object> of(Collection<Double> millis) {
        var sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        var map = new LinkedHashMap<String, Object>();
        map.put("p50_ms", at(sorted, 0.50));
        map.put("p95_ms", at(sorted, 0.95));
        map.put("p99_ms", at(sorted, 0.99));
        map.put("max_ms", sorted.isEmpty() ? null : round(sorted.getLast()));
        return map;
    }

    private static Double at(java.util.List<Double> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return null;
        }
        return round(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)));
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
