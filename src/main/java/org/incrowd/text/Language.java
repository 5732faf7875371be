package org.incrowd.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;

/** The languages whose posts are analysed with their own Lucene analyzer (stop words, stemming, segmentation). */
public enum Language {
    ENGLISH("en", "eng"),
    GERMAN("de", "deu"),
    FRENCH("fr", "fra"),
    SPANISH("es", "spa"),
    CHINESE("zh", "cmn");

    private final String code;
    private final String iso3;

    Language(String code, String iso3) {
        this.code = code;
        this.iso3 = iso3;
    }

    /** ISO 639-1 code, e.g. "de". */
    public String code() {
        return code;
    }

    /** The language for an ISO 639-3 code as the OpenNLP detector reports it, or null if unsupported. */
    static Language ofIso3(String iso3) {
        if (iso3.equals("zho")) {
            return CHINESE;
        }
        for (Language language : values()) {
            if (language.iso3.equals(iso3)) {
                return language;
            }
        }
        return null;
    }

    /** A new analyzer for this language (analyzers are thread-safe; create one per language and share it). */
    public Analyzer newAnalyzer() {
        return switch (this) {
            case ENGLISH -> new EnglishAnalyzer(EnglishStopWords.SET);
            case GERMAN -> new GermanAnalyzer();
            case FRENCH -> new FrenchAnalyzer();
            case SPANISH -> new SpanishAnalyzer();
            case CHINESE -> new SmartChineseAnalyzer();
        };
    }

    /** The analyzer's stop words: cheap evidence of the language of a short post. Empty for Chinese. */
    CharArraySet stopWords() {
        return switch (this) {
            case ENGLISH -> EnglishStopWords.SET;
            case GERMAN -> GermanAnalyzer.getDefaultStopSet();
            case FRENCH -> FrenchAnalyzer.getDefaultStopSet();
            case SPANISH -> SpanishAnalyzer.getDefaultStopSet();
            case CHINESE -> CharArraySet.EMPTY_SET;
        };
    }
}
