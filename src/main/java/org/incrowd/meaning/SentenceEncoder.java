package org.incrowd.meaning;

import java.util.List;
import org.incrowd.text.Language;

/**
 * Turns a text into a unit-length sentence vector, so that the cosine of two texts is the dot product of their
 * vectors. The same text gives the same vector on every run and every node.
 */
public interface SentenceEncoder {

    /** The model's name, stored with every vector: vectors of another model are never compared with these. */
    String model();

    int dimensions();

    /** Whether the model was trained on texts in this language; others keep the TF-IDF path. */
    boolean covers(Language language);

    float[] encode(String text);

    /**
     * Whether the model reads this word: one it was trained on, whole or in a few pieces, not a string it can only
     * spell out letter by letter (an id, a code, a typo), whose vector says nothing of its meaning. Search encodes only
     * the words of a query the model reads.
     */
    default boolean reads(String word) {
        return true;
    }

    /** Encodes many texts, in the order given, using every core the encoder was given. */
    List<float[]> encodeAll(List<String> texts);
}
