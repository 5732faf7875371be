package org.incrowd.search.index;

import java.time.Instant;
import java.util.Set;

/**
 * What a reader asks for: words (Lucene's simple syntax: {@code "a phrase"}, {@code -not}, {@code prefix*}; blank
 * means every post), filters (null means any), the order and the page. {@code jams} are the Jams the reader may see:
 * nothing outside them is ever found. {@code meaning} is the sentence vector of the words, null where there is none
 * (a language the model does not cover): with it, the best-match order is hybrid (words and meaning).
 */
public record SearchQuery(String words, Set<Long> jams, Long jam, Long forum, String tag, String phase,
                          String participantType, String country, Instant from, Instant to, boolean ideasOnly,
                          Order order, int offset, int limit, float[] meaning) {

    public enum Order { RELEVANCE, NEWEST }

    /** A search by words only. */
    public SearchQuery(String words, Set<Long> jams, Long jam, Long forum, String tag, String phase,
                       String participantType, String country, Instant from, Instant to, boolean ideasOnly,
                       Order order, int offset, int limit) {
        this(words, jams, jam, forum, tag, phase, participantType, country, from, to, ideasOnly, order, offset, limit,
                null);
    }

    /** The same search, also by the meaning of its words. */
    public SearchQuery withMeaning(float[] vector) {
        return new SearchQuery(words, jams, jam, forum, tag, phase, participantType, country, from, to, ideasOnly,
                order, offset, limit, vector);
    }

    /** The words without Lucene's syntax (quotes, {@code -excluded} words, {@code *} and {@code ~n}): what they say. */
    public String plainWords() {
        if (!hasWords()) {
            return "";
        }
        return words.replaceAll("(^|\\s)-\\S+", " ").replaceAll("~\\d*", " ").replaceAll("[\"*()|+]", " ")
                .replaceAll("\\s+", " ").strip();
    }

    public boolean hasWords() {
        return words != null && !words.isBlank();
    }
}
