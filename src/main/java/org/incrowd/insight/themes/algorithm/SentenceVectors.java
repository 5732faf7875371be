package org.incrowd.insight.themes.algorithm;

import java.util.List;

/**
 * Sentence vectors of texts, of the model the posts' vectors come from (unit length, in the order given), for the
 * theme summaries: a sentence of a longer post needs a vector of its own.
 */
@FunctionalInterface
public interface SentenceVectors {

    /** No sentence model: summaries are made of posts of one sentence only (their vector is the post's). */
    SentenceVectors NONE = sentences -> null;

    /** The vectors of these sentences, or null when there is no model to encode them. */
    List<float[]> encode(List<String> sentences);
}
