package org.incrowd.insight.themes.algorithm;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stage 7, summarise: a theme on meaning is summed up by the two or three sentences of its posts whose sentence
 * vectors are nearest the theme's centre, in the words people wrote (extractive, nothing generated). Candidates are
 * the sentences of the posts nearest the centre (a post of one sentence brings its own vector; the sentences of
 * longer posts are encoded, all themes' in one batch). A sentence too like one already chosen (the same words, one
 * inside the other, or nearly the same vector) is skipped, so the summary says two or three different things.
 */
final class ThemeSummaries {

    /** How many of the posts nearest the centre offer their sentences: the centre's neighbourhood, not the edges. */
    static final int CANDIDATE_POSTS = 8;
    static final int MAX_SENTENCES = 3;
    /** Enough to read in a glance: a third sentence is added only while the summary is shorter than this. */
    static final int LENGTH = 280;
    /** Sentences shorter than this many words say too little alone ("I agree."), longer ones are paragraphs. */
    static final int MIN_WORDS = 4;
    static final int MAX_CHARS = 300;
    /** Two sentences this close (cosine) say the same thing. */
    static final float SAME_MEANING = 0.92f;

    private record Candidate(String sentence, int vectorAt) {
    }

    private ThemeSummaries() {}

    /**
     * @param members    each cluster's rows, nearest the centre first (only clusters on meaning have summaries)
     * @param meaning    the clusters on meaning (the first {@code meaning.k}; the rest are on words, without summary)
     * @return each cluster's summary sentences, most central first
     */
    static List<List<String>> of(List<List<Integer>> members, MeaningThemes meaning, List<String> texts,
            float[][] vectors, SentenceVectors sentences) {
        int k = members.size();
        var candidates = new ArrayList<List<Candidate>>(k);
        var toEncode = new ArrayList<String>();
        var known = new ArrayList<float[]>();
        for (int c = 0; c < k; c++) {
            var list = new ArrayList<Candidate>();
            candidates.add(list);
            if (c >= meaning.k) {
                continue;
            }
            var seenPosts = new HashSet<String>();
            for (int row : members.get(c)) {
                if (seenPosts.size() == CANDIDATE_POSTS) {
                    break;
                }
                if (!seenPosts.add(texts.get(row))) {
                    continue;
                }
                List<String> split = sentences(texts.get(row));
                if (split.size() == 1) {
                    if (usable(split.getFirst())) {
                        known.add(vectors[row]);
                        list.add(new Candidate(split.getFirst(), -known.size()));
                    }
                } else if (sentences != SentenceVectors.NONE) {
                    for (String sentence : split) {
                        if (usable(sentence)) {
                            toEncode.add(sentence);
                            list.add(new Candidate(sentence, toEncode.size() - 1));
                        }
                    }
                }
            }
        }
        List<float[]> encoded = toEncode.isEmpty() ? List.of() : sentences.encode(toEncode);
        var result = new ArrayList<List<String>>(k);
        for (int c = 0; c < k; c++) {
            var scored = new ArrayList<Map.Entry<Candidate, float[]>>();
            for (var candidate : candidates.get(c)) {
                float[] vector = candidate.vectorAt() < 0 ? known.get(-candidate.vectorAt() - 1)
                        : encoded == null ? null : encoded.get(candidate.vectorAt());
                if (vector != null) {
                    scored.add(Map.entry(candidate, vector));
                }
            }
            int cluster = c;
            var similarity = new HashMap<Candidate, Float>();
            scored.forEach(e -> similarity.put(e.getKey(), meaning.similarity(e.getValue(), cluster)));
            scored.sort(java.util.Comparator.<Map.Entry<Candidate, float[]>>comparingDouble(
                    e -> -similarity.get(e.getKey())).thenComparing(e -> e.getKey().sentence()));
            result.add(choose(scored));
        }
        return result;
    }

    private static List<String> choose(List<Map.Entry<Candidate, float[]>> scored) {
        var chosen = new ArrayList<Map.Entry<Candidate, float[]>>();
        var words = new ArrayList<String>();
        int length = 0;
        for (var entry : scored) {
            if (chosen.size() == MAX_SENTENCES || (chosen.size() == 2 && length >= LENGTH)) {
                break;
            }
            String normal = " " + normalised(entry.getKey().sentence()) + " ";
            if (words.stream().anyMatch(other -> other.contains(normal) || normal.contains(other))) {
                continue; // the same words, or one sentence repeating the other with a few more
            }
            words.add(normal);
            boolean repeats = chosen.stream()
                    .anyMatch(other -> Vectors.dot(other.getValue(), 0, entry.getValue(), 0, entry.getValue().length)
                            >= SAME_MEANING);
            if (!repeats) {
                chosen.add(entry);
                length += entry.getKey().sentence().length();
            }
        }
        return chosen.stream().map(entry -> entry.getKey().sentence()).toList();
    }

    /**
     * The sentences of a text, trimmed. A line break ends a sentence too: an idea's title has no full stop, and a
     * text without sentence ends is one sentence.
     */
    static List<String> sentences(String text) {
        var iterator = BreakIterator.getSentenceInstance(Locale.ROOT);
        var result = new ArrayList<String>();
        for (String line : text.split("\\R")) {
            iterator.setText(line);
            for (int start = iterator.first(), end = iterator.next(); end != BreakIterator.DONE;
                    start = end, end = iterator.next()) {
                String sentence = line.substring(start, end).strip().replaceAll("\\s+", " ");
                if (!sentence.isEmpty()) {
                    result.add(sentence);
                }
            }
        }
        return result;
    }

    private static boolean usable(String sentence) {
        return sentence.length() <= MAX_CHARS && sentence.split(" ").length >= MIN_WORDS;
    }

    private static String normalised(String sentence) {
        return sentence.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
