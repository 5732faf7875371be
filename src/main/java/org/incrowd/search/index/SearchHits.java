package org.incrowd.search.index;

import java.util.List;

/**
 * One page of results and how many posts matched in all. {@code stopped}: the search ran out of its time and was
 * stopped, so the results may be incomplete.
 */
public record SearchHits(long total, List<SearchHit> hits, boolean stopped) {

    public SearchHits(long total, List<SearchHit> hits) {
        this(total, hits, false);
    }

    public static SearchHits none() {
        return new SearchHits(0, List.of());
    }
}
