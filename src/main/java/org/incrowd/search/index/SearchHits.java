package org.incrowd.search.index;

import java.util.List;

/** One page of results and how many posts matched in all. */
public record SearchHits(long total, List<SearchHit> hits) {

    public static SearchHits none() {
        return new SearchHits(0, List.of());
    }
}
