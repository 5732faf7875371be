package org.incrowd.insight.themes.algorithm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incrowd.text.LanguageDetection;

/**
 * Stage 5, label: a theme is named by the dictionary terms that are most characteristic of it, scored by their
 * contribution to the Kullback-Leibler divergence of the theme from the whole Jam, {@code p ln(p / q)}, where p is
 * the share of the theme's posts that use the term and q the share of all posts. Frequent-in-theme and rare-elsewhere
 * both count, as in Spangler et al.'s labels from the terms that characterise a cluster. Phrases are preferred over
 * single words (they read better), and a term that repeats a word already in the label is skipped. Each chosen term
 * is then shown as its most common written form in the theme's posts ("right to die", not the stems "right die").
 */
final class ThemeLabels {

    static final int LABEL_TERMS = 3;
    static final int TERMS = 8;
    /** Phrases read better than words; a phrase wins over a word of nearly the same score. */
    private static final double PHRASE_BONUS = 1.5;
    private static final int SURFACE_POSTS = 100;
    private static final int MAX_SURFACE_POSTS = 2_000;

    private ThemeLabels() {}

    /** For each cluster, its characteristic terms (analysed forms), best first. */
    static List<List<String>> terms(TermMatrix matrix, Dictionary dictionary, int[] cluster, int[] sizes) {
        int k = sizes.length;
        int vocabulary = dictionary.size();
        int[][] inTheme = new int[k][];
        for (int c = 0; c < k; c++) {
            inTheme[c] = sizes[c] > 0 ? new int[vocabulary] : new int[0];
        }
        for (int row = 0; row < matrix.rows; row++) {
            if (cluster[row] >= 0) {
                int[] counts = inTheme[cluster[row]];
                for (int i = matrix.offsets[row]; i < matrix.offsets[row + 1]; i++) {
                    counts[matrix.terms[i]]++;
                }
            }
        }
        var result = new ArrayList<List<String>>(k);
        for (int c = 0; c < k; c++) {
            result.add(sizes[c] > 0 ? characteristic(inTheme[c], sizes[c], dictionary) : List.of());
        }
        return result;
    }

    private static List<String> characteristic(int[] counts, int size, Dictionary dictionary) {
        int minimum = size < 4 ? 1 : Math.max(2, (int) Math.ceil(0.05 * size));
        var candidates = new ArrayList<Integer>();
        double[] score = new double[counts.length];
        for (int t = 0; t < counts.length; t++) {
            if (counts[t] >= minimum) {
                double p = (double) counts[t] / size;
                double q = (double) dictionary.documentFrequency[t] / dictionary.documents;
                // The small constant keeps a ranking (by frequency) when the theme is the whole collection (p = q).
                score[t] = p * (Math.log(p / q) + 0.01) * (isPhrase(dictionary.terms[t]) ? PHRASE_BONUS : 1);
                if (score[t] > 0) {
                    candidates.add(t);
                }
            }
        }
        candidates.sort((a, b) -> {
            int byScore = Double.compare(score[b], score[a]);
            return byScore != 0 ? byScore : dictionary.terms[a].compareTo(dictionary.terms[b]);
        });
        var chosen = new ArrayList<String>();
        for (int i = 0; i < candidates.size() && chosen.size() < TERMS; i++) {
            chosen.add(dictionary.terms[candidates.get(i)]);
        }
        return chosen;
    }

    /**
     * Up to {@link #LABEL_TERMS} of the terms, best first, none repeating a word of an earlier one; except that a
     * phrase replaces a single word chosen before it when the word is part of the phrase ("new card" is a better
     * label than "card").
     */
    static List<String> labelTerms(List<String> terms) {
        var label = new ArrayList<String>();
        for (String term : terms) {
            List<String> termWords = Arrays.asList(term.split(" "));
            List<String> overlapping = label.stream()
                    .filter(chosen -> Arrays.stream(chosen.split(" ")).anyMatch(termWords::contains)).toList();
            if (overlapping.isEmpty() && label.size() < LABEL_TERMS) {
                label.add(term);
            } else if (overlapping.size() == 1 && termWords.size() > 1 && termWords.contains(overlapping.getFirst())) {
                label.set(label.indexOf(overlapping.getFirst()), term);
            }
        }
        return label;
    }

    /**
     * The most common written form (lower case) of each term in the given posts; the term itself if it never
     * occurs. Ties go to the shorter, then the alphabetically first form.
     */
    static Map<String, String> surfaces(Collection<String> terms, List<String> posts, LanguageDetection languages,
            TextAnalysis analysis) {
        Set<String> wanted = new HashSet<>(terms);
        var counts = new HashMap<String, Map<String, Integer>>();
        int seen = 0;
        for (String post : posts) {
            // The closest posts first; read on (up to a bound) only while some term has not been seen written.
            if (seen++ >= SURFACE_POSTS && (counts.size() == wanted.size() || seen > MAX_SURFACE_POSTS)) {
                break;
            }
            analysis.terms(post, languages.detect(post), (term, start, end) -> {
                if (wanted.contains(term)) {
                    String form = post.substring(start, end).toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
                    counts.computeIfAbsent(term, t -> new HashMap<>()).merge(form, 1, Integer::sum);
                }
            });
        }
        var result = new HashMap<String, String>();
        for (String term : terms) {
            var forms = counts.getOrDefault(term, Map.of());
            String best = term;
            int bestCount = 0;
            for (var entry : forms.entrySet()) {
                String form = entry.getKey();
                int count = entry.getValue();
                if (count > bestCount || count == bestCount && (form.length() < best.length()
                        || form.length() == best.length() && form.compareTo(best) < 0)) {
                    best = form;
                    bestCount = count;
                }
            }
            result.put(term, best);
        }
        return result;
    }

    /** The readable label: the chosen terms' written forms, joined by commas. */
    static String label(List<String> labelTerms, Map<String, String> surfaces) {
        var parts = new ArrayList<String>();
        for (String term : labelTerms) {
            parts.add(surfaces.getOrDefault(term, term));
        }
        return String.join(", ", parts);
    }

    private static boolean isPhrase(String term) {
        return term.indexOf(' ') >= 0;
    }
}
