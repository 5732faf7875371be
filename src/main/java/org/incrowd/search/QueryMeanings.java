package org.incrowd.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import org.incrowd.meaning.PostVectors;
import org.incrowd.text.Language;
import org.incrowd.text.LanguageDetection;
import org.springframework.stereotype.Component;

/**
 * The sentence vectors of search words, kept for the words searched most. Encoding the words runs the model on the
 * request thread, and readers repeat searches: the same few words from many readers, the next page of a search, the
 * filters changed around the same words. A vector depends on nothing but the words and the model
 * ({@link org.incrowd.meaning.SentenceEncoder}: the same text gives the same vector), so one kept is the one that
 * encoding again would give, and a bounded cache cannot serve a stale answer: no post, Jam or reader goes into it.
 */
@Component
class QueryMeanings {

    /**
     * Searches kept: 4,096 vectors of 384 floats are about 6 MB of heap. Enough for the words a Jam's readers repeat
     * within minutes; rarely searched words are encoded again, as they were before this cache.
     */
    static final int CAPACITY = 4_096;

    private final PostVectors vectors;
    private final LanguageDetection languages = new LanguageDetection(Language.ENGLISH);
    /** Empty where the model does not cover the words' language: that answer is kept as well. */
    private final Cache<String, Optional<float[]>> kept = Caffeine.newBuilder().maximumSize(CAPACITY).build();

    QueryMeanings(PostVectors vectors) {
        this.vectors = vectors;
    }

    /**
     * The vector of {@code words} (the words the model reads, as one string), if the model covers their language.
     * Each caller gets its own copy, so that nothing done with one search's vector reaches another search.
     */
    Optional<float[]> of(String words) {
        return kept.get(normalised(words), this::encode).map(float[]::clone);
    }

    /**
     * Runs of white space read as one space: the encoder's tokenizer splits on white space, so the vector is the same.
     * Letter case is kept: a configured model may be cased (the bundled one is not).
     */
    private static String normalised(String words) {
        return words.strip().replaceAll("\\s+", " ");
    }

    private Optional<float[]> encode(String words) {
        var encoder = vectors.encoder();
        Language language;
        synchronized (languages) { // the statistical detector is not made for concurrent use
            language = languages.detect(words);
        }
        return encoder.covers(language) ? Optional.of(encoder.encode(words)) : Optional.empty();
    }
}
