package org.incrowd.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.incrowd.text.Language;
import org.incrowd.text.LanguageDetection;
import org.incrowd.search.index.IndexedPost;
import org.incrowd.search.index.PostIndex;
import org.incrowd.search.index.SearchQuery;

/**
 * What a deliberately costly search costs the index: {@code a~2} 125 times, and {@code word~2} for as many words
 * as the page's 500 characters hold, against {@value #POSTS} posts of the search benchmark's corpus, beside an
 * ordinary two-word search and the costliest search still accepted. A before/after probe for bounding query cost,
 * run with the test classpath: {@code java -cp target/test-classes:target/classes:<dependencies>
 * org.incrowd.bench.CostlySearchProbe [data folder]}.
 */
public final class CostlySearchProbe {

    private static final int POSTS = 50_000;
    private static final long JAM = 1;

    private CostlySearchProbe() {
    }

    public static void main(String[] args) throws Exception {
        var corpus = SearchBenchmark.corpus(Path.of(args.length > 0 ? args[0] : "../shared/data"));
        var texts = ThemesBenchmark.perturbed(corpus, POSTS, 42);
        Path folder = Files.createTempDirectory("incrowd-costly-search-");
        var detection = new LanguageDetection(Language.ENGLISH);
        try (var index = PostIndex.open(folder)) {
            var batch = new ArrayList<IndexedPost>();
            for (int i = 0; i < POSTS; i++) {
                String text = texts.get(i).text();
                batch.add(new IndexedPost(i + 1, JAM, 1, i + 1, true, null, text, detection.detect(text), List.of(),
                        "EMPLOYEE", "DE", "LIVE", Instant.now()));
                if (batch.size() == 1_000) {
                    index.add(batch);
                    batch.clear();
                }
            }
            index.add(batch);
            index.refresh();
            var words = new LinkedHashSet<String>();
            for (String text : corpus) {
                Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")).filter(w -> w.length() >= 5)
                        .forEach(words::add);
                if (words.size() >= 125) {
                    break;
                }
            }
            String fuzzy = String.join(" ", words.stream().limit(125).map(w -> w + "~2").toList());
            if (fuzzy.length() > 500) { // the page's limit on the query's length
                fuzzy = fuzzy.substring(0, fuzzy.lastIndexOf(' ', 500));
            }
            String fuzzyA = String.join(" ", java.util.Collections.nCopies(125, "a~2"));
            // The costliest search still accepted: 4 fuzzy words and 28 plain ones (as alternatives, so it matches).
            var list = words.stream().limit(32).toList();
            String allowed = String.join(" | ", list.subList(0, 4).stream().map(w -> w + "~2").toList()) + " | "
                    + String.join(" | ", list.subList(4, 32));
            for (String[] query : new String[][] {{"two words", "account balance"}, {"125 x a~2", fuzzyA},
                    {fuzzy.split(" ").length + " words~2", fuzzy}, {"4~2 + 28 words", allowed}}) {
                for (int run = 1; run <= 3; run++) {
                    long started = System.nanoTime();
                    String outcome;
                    try {
                        var hits = index.search(new SearchQuery(query[1], Set.of(JAM), null, null, null, null, null,
                                null, null, null, false, SearchQuery.Order.RELEVANCE, 0, 20));
                        outcome = hits.total() + " hits" + (hits.stopped() ? ", stopped" : "");
                    } catch (RuntimeException refused) {
                        outcome = "refused: " + refused.getMessage();
                    }
                    System.out.printf(Locale.ROOT, "%-16s run %d: %8.1f ms (%s)%n", query[0], run,
                            (System.nanoTime() - started) / 1e6, outcome);
                }
            }
        }
    }
}
