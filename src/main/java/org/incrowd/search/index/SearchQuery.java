package org.incrowd.search.index;

import java.time.Instant;
import java.util.Set;

/**
 * What a reader asks for: words (Lucene's simple syntax: {@code "a phrase"}, {@code -not}, {@code prefix*}; blank
 * means every post), filters (null means any), the order and the page. {@code jams} are the Jams the reader may see:
 * nothing outside them is ever found.
 */
public record SearchQuery(String words, Set<Long> jams, Long jam, Long forum, String tag, String phase,
                          String participantType, String country, Instant from, Instant to, boolean ideasOnly,
                          Order order, int offset, int limit) {

    public enum Order { RELEVANCE, NEWEST }

    public boolean hasWords() {
        return words != null && !words.isBlank();
    }
}
