package org.incrowd.help.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.incrowd.text.Language;
import org.incrowd.text.LanguageDetection;

/**
 * The words of a question as the text module reads any post: its language detected, then that language's analyzer
 * (stop words out, stems in), so that "deliveries" and "delivery" count as one word and "the" as none.
 */
final class TopicWords {

    private final LanguageDetection languages = new LanguageDetection(Language.ENGLISH);
    private final Map<Language, Analyzer> analyzers = new EnumMap<>(Language.class);

    /** How often each stem occurs in {@code text}. */
    Map<String, Integer> counts(String text) {
        var counts = new HashMap<String, Integer>();
        if (text == null || text.isBlank()) {
            return counts;
        }
        try (var tokens = analyzer(languages.detect(text)).tokenStream("text", text)) {
            var term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (term.length() > 1) {
                    counts.merge(term.toString(), 1, Integer::sum);
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    private synchronized Analyzer analyzer(Language language) {
        return analyzers.computeIfAbsent(language, Language::newAnalyzer);
    }
}
