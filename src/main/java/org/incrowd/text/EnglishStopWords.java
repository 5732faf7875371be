package org.incrowd.text;

import java.util.Arrays;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * English function words. Lucene's English list has only 33 (it serves search, where "how long" matters); themes
 * need the pronouns, auxiliaries and modals out too, or labels read "should, because, can you". The other languages'
 * Lucene lists are already long.
 */
final class EnglishStopWords {

    static final CharArraySet SET = build();

    private EnglishStopWords() {}

    private static CharArraySet build() {
        var set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        set.addAll(Arrays.asList("i", "me", "my", "myself", "we", "us", "our", "ours", "you", "your", "yours", "he",
                "him", "his", "she", "her", "hers", "its", "them", "their", "theirs", "what", "which", "who", "whom",
                "whose", "this", "that", "these", "those", "am", "is", "are", "was", "were", "be", "been", "being",
                "have", "has", "had", "having", "do", "does", "did", "doing", "done", "would", "should", "could",
                "ought", "can", "cannot", "may", "might", "must", "shall", "will", "i'm", "you're", "it's", "don't",
                "doesn't", "didn't", "can't", "won't", "isn't", "aren't", "wasn't", "i've", "i'd", "i'll", "let's",
                "from", "up", "down", "out", "over", "under", "again", "further", "then", "once", "here", "there",
                "when", "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some",
                "such", "nor", "only", "own", "same", "so", "than", "too", "very", "just", "also", "about", "above",
                "after", "before", "below", "between", "during", "through", "because", "while", "until", "against",
                "into", "off", "am", "yes", "please", "hi", "hello", "thanks", "thank", "many", "much", "even",
                "still", "yet", "however", "therefore", "thus", "whether", "since", "though", "although", "something",
                "anything", "everything", "nothing", "someone", "anyone", "everyone", "one", "ones", "lot", "lots",
                "really", "well", "get", "got", "go", "going", "make", "made", "take", "like", "need", "want"));
        return CharArraySet.unmodifiableSet(set);
    }
}
