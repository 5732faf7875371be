package org.incrowd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incrowd.meaning.SentenceEncoder;
import org.incrowd.search.index.IndexedPost;
import org.incrowd.search.index.PostIndex;
import org.incrowd.search.index.SearchHit;
import org.incrowd.text.Language;
import org.incrowd.text.LanguageDetection;

/**
 * How often "similar ideas" finds a true duplicate: each Jam's ideas are put in the application's own index, and each
 * idea, written again as a draft, should have among its first {@value #FIRST} suggestions (itself left out) another
 * idea with one of its labels: an ArgKP argument with the same key point (a Jam per debate topic), a Banking77
 * message with the same intent. Measured by words only (the suggestions before issue 15) and by words and meaning
 * fused (after). Only ideas with a label that another idea of their Jam shares are asked.
 */
public final class SimilarIdeasRecall {

    static final int FIRST = 5;
    /** Cosines at which pairs of labelled ideas are counted, with the share that has a label in common. */
    private static final float[] PAIR_THRESHOLDS = {0.5f, 0.6f, 0.7f, 0.75f, 0.8f, 0.85f, 0.9f};

    private SimilarIdeasRecall() {}

    /** An idea and its labels (key points, intent). */
    public record Item(String text, Set<String> labels) {
    }

    /** Recall at five by words only and by words and meaning, with how many ideas were asked. */
    public record Recall(double wordsOnly, double hybrid, int asked, Map<String, Object> pairs) {
        public Map<String, Object> asMap() {
            var map = new LinkedHashMap<String, Object>();
            map.put("labelled_pairs_at_or_above_cosine", pairs);
            map.put("recall_at_5_words_only", Math.round(wordsOnly * 1000) / 1000.0);
            map.put("recall_at_5_hybrid", Math.round(hybrid * 1000) / 1000.0);
            map.put("ideas_asked", asked);
            return map;
        }
    }

    /** Each list is one Jam's ideas. */
    public static Recall measure(List<List<Item>> jams, SentenceEncoder encoder) throws IOException {
        Path folder = Files.createTempDirectory("incrowd-similar-recall-");
        var detection = new LanguageDetection(Language.ENGLISH);
        int asked = 0;
        int foundByWords = 0;
        int foundHybrid = 0;
        long[] above = new long[PAIR_THRESHOLDS.length];
        long[] sameLabel = new long[PAIR_THRESHOLDS.length];
        try (var index = PostIndex.open(folder)) {
            long nextId = 1;
            var queries = new ArrayList<Object[]>();
            for (int jam = 0; jam < jams.size(); jam++) {
                var items = jams.get(jam);
                var vectors = encoder.encodeAll(items.stream().map(Item::text).toList());
                for (int a = 0; a < items.size(); a++) {
                    for (int b = a + 1; b < items.size(); b++) {
                        if (items.get(a).labels().isEmpty() || items.get(b).labels().isEmpty()) {
                            continue;
                        }
                        float cosine = org.incrowd.meaning.Vectors.dot(vectors.get(a), vectors.get(b));
                        boolean same = items.get(a).labels().stream().anyMatch(items.get(b).labels()::contains);
                        for (int t = 0; t < PAIR_THRESHOLDS.length; t++) {
                            if (cosine >= PAIR_THRESHOLDS[t]) {
                                above[t]++;
                                sameLabel[t] += same ? 1 : 0;
                            }
                        }
                    }
                }
                var labelCounts = new HashMap<String, Integer>();
                items.forEach(item -> item.labels().forEach(label -> labelCounts.merge(label, 1, Integer::sum)));
                var posts = new ArrayList<IndexedPost>();
                for (int i = 0; i < items.size(); i++) {
                    var item = items.get(i);
                    long id = nextId++;
                    Language language = detection.detect(item.text());
                    posts.add(new IndexedPost(id, jam, 1, id, true, null, item.text(), language, List.of(), null, null,
                            null, Instant.EPOCH.plusSeconds(id), encoder.covers(language) ? vectors.get(i) : null));
                    if (item.labels().stream().anyMatch(label -> labelCounts.get(label) > 1)) {
                        queries.add(new Object[] {id, (long) jam, item, language, vectors.get(i)});
                    }
                }
                index.add(posts);
            }
            index.refresh();
            Map<Long, Set<String>> labels = new HashMap<>();
            long id = 1;
            for (var items : jams) {
                for (var item : items) {
                    labels.put(id++, item.labels());
                }
            }
            for (Object[] query : queries) {
                long self = (Long) query[0];
                var item = (Item) query[2];
                var language = (Language) query[3];
                asked++;
                if (found(index.similarIdeas(item.text(), language, null, (Long) query[1], FIRST + 1), self, item,
                        labels)) {
                    foundByWords++;
                }
                float[] meaning = encoder.covers(language) ? (float[]) query[4] : null;
                if (found(index.similarIdeas(item.text(), language, meaning, (Long) query[1], FIRST + 1), self, item,
                        labels)) {
                    foundHybrid++;
                }
            }
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        var pairs = new LinkedHashMap<String, Object>();
        for (int t = 0; t < PAIR_THRESHOLDS.length; t++) {
            pairs.put(String.valueOf(PAIR_THRESHOLDS[t]), Map.of("pairs", above[t], "same_label_share",
                    above[t] == 0 ? 0 : Math.round(1000.0 * sameLabel[t] / above[t]) / 1000.0));
        }
        return new Recall(asked == 0 ? 0 : (double) foundByWords / asked, asked == 0 ? 0 : (double) foundHybrid / asked,
                asked, pairs);
    }

    private static boolean found(List<SearchHit> hits, long self, Item item, Map<Long, Set<String>> labels) {
        return hits.stream().filter(hit -> hit.postId() != self).limit(FIRST)
                .anyMatch(hit -> labels.get(hit.postId()).stream().anyMatch(item.labels()::contains));
    }

    /**
     * ArgKP's arguments, a Jam per debate topic, labelled with their key points (label 1); {@code everyNth} &gt; 1 takes
     * every n-th topic only (a deterministic sample).
     */
    public static List<List<Item>> argkp(Path argkp, int everyNth) throws IOException {
        Map<String, Set<String>> keyPoints = new HashMap<>();
        for (String file : List.of("labels_train.csv", "labels_dev.csv")) {
            for (var row : ThemesBenchmark.csv(argkp.resolve(file))) {
                if ("1".equals(row.get(2))) {
                    keyPoints.computeIfAbsent(row.get(0), a -> new HashSet<>()).add(row.get(1));
                }
            }
        }
        Map<String, List<Item>> byTopic = new LinkedHashMap<>();
        for (String file : List.of("arguments_train.csv", "arguments_dev.csv")) {
            for (var row : ThemesBenchmark.csv(argkp.resolve(file))) {
                byTopic.computeIfAbsent(row.get(2), t -> new ArrayList<>())
                        .add(new Item(row.get(1), keyPoints.getOrDefault(row.get(0), Set.of())));
            }
        }
        var jams = new ArrayList<List<Item>>();
        int topic = 0;
        for (var items : byTopic.values()) {
            if (topic++ % everyNth == 0) {
                jams.add(items);
            }
        }
        return jams;
    }

    /** Banking77's messages as one Jam, labelled with their intent; every n-th message (a deterministic sample). */
    public static List<List<Item>> banking77(Path banking77, int everyNth) throws IOException {
        var items = new ArrayList<Item>();
        int row = 0;
        for (var line : ThemesBenchmark.csv(banking77.resolve("train.csv"))) {
            if (row++ % everyNth == 0) {
                items.add(new Item(line.get(0), Set.of(line.get(1))));
            }
        }
        return List.of(items);
    }
}
