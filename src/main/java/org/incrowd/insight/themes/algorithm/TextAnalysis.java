package org.incrowd.insight.themes.algorithm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.incrowd.text.Language;

/**
 * Stage 2, tokenize and analyse: the post's language's Lucene analyzer (lower case, stop words, stemming; word
 * segmentation for Chinese) gives the word terms; two neighbouring words also form a phrase term ("assist suicid"),
 * allowing one stop word between them ("right to die" becomes "right die"). Phrases are the dictionary entries that
 * make labels readable, as in Spangler et al.'s dictionary of frequent terms and phrases.
 */
public final class TextAnalysis {

    /** Receives the terms of a post; {@code start}/{@code end} are the offsets of the term's words in the text. */
    public interface TermSink {
        void term(String term, int start, int end);
    }

    private final Map<Language, Analyzer> analyzers = new EnumMap<>(Language.class);

    public TextAnalysis() {
        for (Language language : Language.values()) {
            analyzers.put(language, language.newAnalyzer());
        }
    }

    /** Sends every word and phrase term of {@code text}, in text order, to {@code sink}. */
    public void terms(String text, Language language, TermSink sink) {
        try (TokenStream stream = analyzers.get(language).tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            String previous = null;
            int previousStart = 0;
            while (stream.incrementToken()) {
                String word = term.toString();
                if (word.length() < 2 && language != Language.CHINESE || isNumber(word)) {
                    previous = null; // a lone letter or a number breaks a phrase and says nothing on its own
                    continue;
                }
                if (previous != null && increment.getPositionIncrement() <= 2) {
                    sink.term(previous + " " + word, previousStart, offset.endOffset());
                }
                sink.term(word, offset.startOffset(), offset.endOffset());
                previous = word;
                previousStart = offset.startOffset();
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a String does no I/O
        }
    }

    private static boolean isNumber(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i)) && word.charAt(i) != '.' && word.charAt(i) != ',') {
                return false;
            }
        }
        return true;
    }
}
