package org.incrowd.meaning.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * The words a WordPiece model reads: its vocabulary (from the tokenizer's {@code tokenizer.json}), and how a word is
 * split into pieces of it, longest first. A word split into pieces of three letters or more on average ("urban" +
 * "##ization") is one the model has seen in training; a word it can only spell out letter by letter ("zqkfjw...") is
 * one it has not, and its vector says nothing about what the word means (such vectors are close to each other,
 * whatever the letters). A tokenizer that is not WordPiece reads every word.
 */
final class WordPieces {

    /** Fewer letters a piece on average: the word is spelled out, not read. */
    static final double READ_LETTERS_PER_PIECE = 3.0;
    private static final String CONTINUING = "##";

    private final Set<String> vocabulary;

    private WordPieces(Set<String> vocabulary) {
        this.vocabulary = vocabulary;
    }

    static WordPieces of(InputStream tokenizerJson) {
        try (tokenizerJson) {
            var model = JsonMapper.builder().build().readTree(tokenizerJson).path("model");
            var vocabulary = new HashSet<String>();
            if ("WordPiece".equals(model.path("type").asString(""))) {
                model.path("vocab").propertyNames().forEach(vocabulary::add);
            }
            return new WordPieces(vocabulary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the model reads this word (lower-cased as the BERT tokenizer does). */
    boolean reads(String word) {
        if (vocabulary.isEmpty()) {
            return true;
        }
        String rest = word.toLowerCase(Locale.ROOT);
        int letters = rest.length();
        int pieces = 0;
        boolean first = true;
        while (!rest.isEmpty()) {
            int end = rest.length();
            while (end > 0 && !vocabulary.contains(first ? rest.substring(0, end) : CONTINUING + rest.substring(0, end))) {
                end--;
            }
            if (end == 0) {
                return false; // a letter the model has no piece for
            }
            pieces++;
            rest = rest.substring(end);
            first = false;
        }
        return pieces == 1 || (double) letters / pieces >= READ_LETTERS_PER_PIECE;
    }
}
