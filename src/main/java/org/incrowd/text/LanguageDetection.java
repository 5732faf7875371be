package org.incrowd.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Stage 1, detect the language of a post. Three kinds of evidence, cheapest first, because a Jam can have millions
 * of posts and the statistical detector costs far more than the rest of the pipeline per post:
 * <ol>
 * <li>Han characters: a post mostly in Han script is Chinese;</li>
 * <li>stop words: a post with at least two stop words of one language and at most half as many of any other is in
 * that language (this settles most sentences);</li>
 * <li>OpenNLP's pretrained detector (103 languages, {@code langdetect-183.bin}) for what is left, if it is long enough
 * for the detector to be reliable and the answer is a supported language;</li>
 * <li>otherwise the Jam's main language, the {@code fallback}.</li>
 * </ol>
 * Pure function of the text and the fallback, so the batch and a later single post agree.
 */
public final class LanguageDetection {

    /** Below this many letters the statistical detector guesses more than it knows. */
    private static final int MIN_LETTERS_FOR_DETECTOR = 25;

    private final Language fallback;
    private final Map<Language, org.apache.lucene.analysis.CharArraySet> stopWords = new EnumMap<>(Language.class);

    public LanguageDetection(Language fallback) {
        this.fallback = fallback;
        for (Language language : Language.values()) {
            if (language != Language.CHINESE) {
                stopWords.put(language, language.stopWords());
            }
        }
    }

    public Language fallback() {
        return fallback;
    }

    /** The language of one post. */
    public Language detect(String text) {
        int letters = 0;
        int han = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                letters++;
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                    han++;
                }
            }
            i += Character.charCount(cp);
        }
        if (han > 0 && han * 3 >= letters) {
            return Language.CHINESE;
        }
        Language byStopWords = byStopWords(text);
        if (byStopWords != null) {
            return byStopWords;
        }
        if (letters >= MIN_LETTERS_FOR_DETECTOR) {
            Language detected = Language.ofIso3(Detector.INSTANCE.predictLanguage(text).getLang());
            if (detected != null) {
                return detected;
            }
        }
        return fallback;
    }

    /** The main language of a collection: the detector's verdict on a sample of it, English if unsupported. */
    public static Language mainLanguage(Iterable<String> sample) {
        var counts = new EnumMap<Language, Integer>(Language.class);
        var probe = new LanguageDetection(Language.ENGLISH);
        for (String text : sample) {
            counts.merge(probe.detect(text), 1, Integer::sum);
        }
        Language best = Language.ENGLISH;
        for (var entry : counts.entrySet()) { // EnumMap iterates in declaration order: ties go to the earlier
            if (entry.getValue() > counts.getOrDefault(best, 0)) {
                best = entry.getKey();
            }
        }
        return best;
    }

    private Language byStopWords(String text) {
        var votes = new EnumMap<Language, Integer>(Language.class);
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean letter = i < text.length() && Character.isLetter(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                String word = text.substring(start, i).toLowerCase(java.util.Locale.ROOT);
                stopWords.forEach((language, set) -> {
                    if (set.contains(word)) {
                        votes.merge(language, 1, Integer::sum);
                    }
                });
                start = -1;
            }
        }
        Language best = null;
        int bestVotes = 0;
        int second = 0;
        for (var entry : votes.entrySet()) {
            if (entry.getValue() > bestVotes) {
                second = bestVotes;
                best = entry.getKey();
                bestVotes = entry.getValue();
            } else if (entry.getValue() > second) {
                second = entry.getValue();
            }
        }
        return bestVotes >= 2 && bestVotes >= 2 * second ? best : null;
    }

    /** The pretrained model, loaded once on first use (about 10 MB, a second to load). */
    private static final class Detector {
        static final LanguageDetectorME INSTANCE = load();

        private static LanguageDetectorME load() {
            try (InputStream in = LanguageDetection.class.getResourceAsStream("/langdetect-183.bin")) {
                if (in == null) {
                    throw new IllegalStateException("langdetect-183.bin (opennlp-models-langdetect) is not on the class path");
                }
                return new LanguageDetectorME(new LanguageDetectorModel(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot load the language detection model", e);
            }
        }
    }
}
