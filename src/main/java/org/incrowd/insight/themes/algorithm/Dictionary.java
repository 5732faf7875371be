package org.incrowd.insight.themes.algorithm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dictionary of terms and phrases worth clustering on (Spangler et al.'s "dictionary of frequent terms"): terms
 * in at least {@link #minDocuments(int)} posts (rarer ones cannot tie posts together) and in at most half of them
 * (those tie everything together), at most {@link #MAX_TERMS} of them by document frequency. Term ids are the
 * alphabetical order of the terms, so the dictionary does not depend on the order the posts came in.
 */
final class Dictionary {

    static final int MAX_TERMS = 60_000;

    final String[] terms;
    final int[] documentFrequency;
    final float[] idf;
    final int documents;
    private final Map<String, Integer> ids;

    private Dictionary(String[] terms, int[] documentFrequency, int documents) {
        this.terms = terms;
        this.documentFrequency = documentFrequency;
        this.documents = documents;
        this.idf = new float[terms.length];
        this.ids = new HashMap<>(terms.length * 2);
        for (int i = 0; i < terms.length; i++) {
            ids.put(terms[i], i);
            // Smoothed inverse document frequency, as in most TF-IDF implementations: never zero, never infinite.
            idf[i] = (float) (Math.log((documents + 1.0) / (documentFrequency[i] + 1.0)) + 1);
        }
    }

    int size() {
        return terms.length;
    }

    /** The term's id, or -1 if it is not in the dictionary. */
    int id(String term) {
        return ids.getOrDefault(term, -1);
    }

    /** Fewest posts a term must occur in: 2, rising slowly for very large Jams (1 for a handful of posts). */
    static int minDocuments(int documents) {
        return documents < 10 ? 1 : Math.max(2, documents / 20_000);
    }

    /** Chooses the dictionary from the document frequency of every term seen. */
    static Dictionary choose(Map<String, Integer> frequencies, int documents) {
        int min = minDocuments(documents);
        int max = documents < 10 ? documents : Math.max(min, documents / 2);
        List<Map.Entry<String, Integer>> kept = new ArrayList<>();
        for (var entry : frequencies.entrySet()) {
            if (entry.getValue() >= min && entry.getValue() <= max) {
                kept.add(entry);
            }
        }
        if (kept.size() > MAX_TERMS) {
            kept.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            kept = kept.subList(0, MAX_TERMS);
        }
        kept.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        String[] terms = kept.stream().map(Map.Entry::getKey).toArray(String[]::new);
        int[] df = kept.stream().mapToInt(Map.Entry::getValue).toArray();
        return new Dictionary(terms, df, documents);
    }

    /** A dictionary as stored in a model. */
    static Dictionary of(String[] terms, int[] documentFrequency, int documents) {
        return new Dictionary(Arrays.copyOf(terms, terms.length), documentFrequency, documents);
    }
}
