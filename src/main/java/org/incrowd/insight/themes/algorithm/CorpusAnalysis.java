package org.incrowd.insight.themes.algorithm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.text.LanguageDetection;

/**
 * Stages 1 to 3 over a whole collection: detect each post's language, analyse it into terms, choose the dictionary,
 * and weigh the posts into a {@link TermMatrix}. Runs in fixed chunks in parallel; the chunks' local term ids are
 * merged in chunk order, so the outcome does not depend on threads.
 */
final class CorpusAnalysis {

    final Dictionary dictionary;
    final TermMatrix matrix;

    private CorpusAnalysis(Dictionary dictionary, TermMatrix matrix) {
        this.dictionary = dictionary;
        this.matrix = matrix;
    }

    /** One chunk's posts as local term ids (with repeats), and the local id's term. */
    private static final class Chunk {
        final List<String> names = new ArrayList<>();
        final Map<String, Integer> ids = new HashMap<>();
        int[] offsets;
        int[] termIds = new int[1024];
        int size;
        int[] documentFrequency;

        void add(String term) {
            Integer id = ids.get(term);
            if (id == null) {
                id = names.size();
                ids.put(term, id);
                names.add(term);
            }
            if (size == termIds.length) {
                termIds = java.util.Arrays.copyOf(termIds, size * 2);
            }
            termIds[size++] = id;
        }
    }

    static CorpusAnalysis of(List<String> texts, LanguageDetection languages, TextAnalysis analysis) {
        int n = texts.size();
        Chunk[] chunks = new Chunk[Chunks.count(n)];
        Chunks.forEach(n, c -> chunks[c] = analyse(texts, Chunks.start(c), Chunks.end(c, n), languages, analysis));
        var frequencies = new HashMap<String, Integer>();
        for (Chunk chunk : chunks) {
            for (int local = 0; local < chunk.names.size(); local++) {
                frequencies.merge(chunk.names.get(local), chunk.documentFrequency[local], Integer::sum);
            }
        }
        Dictionary dictionary = Dictionary.choose(frequencies, n);
        return new CorpusAnalysis(dictionary, weigh(chunks, n, dictionary));
    }

    private static Chunk analyse(List<String> texts, int from, int to, LanguageDetection languages, TextAnalysis analysis) {
        var chunk = new Chunk();
        chunk.offsets = new int[to - from + 1];
        for (int d = from; d < to; d++) {
            String text = texts.get(d);
            analysis.terms(text, languages.detect(text), (term, start, end) -> chunk.add(term));
            chunk.offsets[d - from + 1] = chunk.size;
        }
        chunk.documentFrequency = new int[chunk.names.size()];
        int[] lastSeen = new int[chunk.names.size()];
        java.util.Arrays.fill(lastSeen, -1);
        for (int d = 0; d < to - from; d++) {
            for (int i = chunk.offsets[d]; i < chunk.offsets[d + 1]; i++) {
                int id = chunk.termIds[i];
                if (lastSeen[id] != d) {
                    lastSeen[id] = d;
                    chunk.documentFrequency[id]++;
                }
            }
        }
        chunk.ids.clear(); // no longer needed; frees memory on big collections
        return chunk;
    }

    private static TermMatrix weigh(Chunk[] chunks, int n, Dictionary dictionary) {
        int[] counts = new int[n];
        int[][] localTerms = new int[chunks.length][];
        float[][] localWeights = new float[chunks.length][];
        Chunks.forEach(n, c -> {
            Chunk chunk = chunks[c];
            int[] global = new int[chunk.names.size()];
            for (int local = 0; local < global.length; local++) {
                global[local] = dictionary.id(chunk.names.get(local));
            }
            int[] terms = new int[chunk.size];
            float[] weights = new float[chunk.size];
            int[] buffer = new int[64];
            int written = 0;
            int docs = chunk.offsets.length - 1;
            for (int d = 0; d < docs; d++) {
                int kept = 0;
                for (int i = chunk.offsets[d]; i < chunk.offsets[d + 1]; i++) {
                    int id = global[chunk.termIds[i]];
                    if (id >= 0) {
                        if (kept == buffer.length) {
                            buffer = java.util.Arrays.copyOf(buffer, kept * 2);
                        }
                        buffer[kept++] = id;
                    }
                }
                int entries = TermMatrix.weigh(buffer, kept, dictionary.idf, terms, weights, written);
                counts[Chunks.start(c) + d] = entries;
                written += entries;
            }
            localTerms[c] = java.util.Arrays.copyOf(terms, written);
            localWeights[c] = java.util.Arrays.copyOf(weights, written);
            chunk.termIds = null;
        });
        int[] offsets = new int[n + 1];
        for (int d = 0; d < n; d++) {
            offsets[d + 1] = offsets[d] + counts[d];
        }
        int[] terms = new int[offsets[n]];
        float[] weights = new float[offsets[n]];
        for (int c = 0; c < chunks.length; c++) {
            int at = offsets[Chunks.start(c)];
            System.arraycopy(localTerms[c], 0, terms, at, localTerms[c].length);
            System.arraycopy(localWeights[c], 0, weights, at, localWeights[c].length);
        }
        return new TermMatrix(n, offsets, terms, weights);
    }
}
