package org.incrowd.insight.themes.algorithm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.incrowd.text.LanguageDetection;

/**
 * Themes of a collection of posts, after Spangler, Kreulen and Newswanger, "Machines in the conversation" (IBM
 * Systems Journal 45(4), 2006), in named stages:
 * <ol>
 * <li>detect each post's language ({@link LanguageDetection});</li>
 * <li>analyse it with that language's analyzer into words and phrases ({@link TextAnalysis});</li>
 * <li>keep a dictionary of frequent terms and weigh posts by TF-IDF ({@link Dictionary}, {@link TermMatrix});</li>
 * <li>cluster the posts that have a sentence vector on their vectors ({@link MeaningThemes}: what they mean, not
 * the words they use; on a small forum each post first averaged with its nearest posts, {@link NeighbourMeans};
 * k-means micro-clusters merged into themes by {@link WardMerge}); map the posts without one
 * (languages the sentence model does not cover) into a latent semantic space and cluster them there, in themes of
 * their own ({@link LatentSpace}, {@link SphericalKMeans}); the number of themes by {@link ThemeCount} unless
 * given;</li>
 * <li>label each theme by its characteristic phrases and pick representative posts ({@link ThemeLabels});</li>
 * <li>find emerging, growing and fading themes over time windows ({@link ThemeTrends});</li>
 * <li>sum each theme on meaning up in the two or three sentences nearest its centre ({@link ThemeSummaries}).</li>
 * </ol>
 * Where the paper used plain k-means on term vectors, this clusters in an LSA space (similar words count as
 * similar), uses spherical k-means with k-means++ seeding, and phrases in the dictionary.
 * <p>
 * Deterministic and independent of input order: posts are first put in a canonical order (by text, then time), all
 * random choices come from the settings' seed, sampling is by position in the canonical order, and parallel work uses
 * fixed chunks. The same posts in any order give the same themes, labels and assignments.
 */
public final class ThemeAnalysis {

    /** Posts used to fit the latent space and the clusters; the rest are only placed. Bounds time on large Jams. */
    static final int FIT_SAMPLE = 20_000;
    private static final int LANGUAGE_SAMPLE = 200;

    private ThemeAnalysis() {}

    public static ThemeResult analyse(List<ThemeDocument> posts, ThemeSettings settings) {
        return analyse(posts, settings, SentenceVectors.NONE);
    }

    /** {@code sentences} encodes the sentences of longer posts for the summaries, with the posts' vectors' model. */
    public static ThemeResult analyse(List<ThemeDocument> posts, ThemeSettings settings, SentenceVectors sentences) {
        int n = posts.size();
        int[] order = canonicalOrder(posts);
        var texts = new ArrayList<String>(n);
        var times = new ArrayList<Instant>(n);
        float[][] vectors = new float[n][];
        for (int row = 0; row < n; row++) {
            var post = posts.get(order[row]);
            texts.add(post.text());
            times.add(post.time());
            vectors[row] = post.vector();
        }
        var analysis = new TextAnalysis();
        var languages = new LanguageDetection(LanguageDetection.mainLanguage(stride(texts, LANGUAGE_SAMPLE)));
        CorpusAnalysis corpus = CorpusAnalysis.of(texts, languages, analysis);
        TermMatrix matrix = corpus.matrix;
        int[] cluster = new int[n];
        Arrays.fill(cluster, -1);
        float[] similarity = new float[n];

        // Stage 4 on meaning: the posts with a sentence vector.
        MeaningThemes meaning = MeaningThemes.cluster(vectors, settings.themes(), settings.seed(), 0, cluster,
                similarity);

        // Stage 4 on words: the posts without one (languages the sentence model does not cover), themes of their own.
        int[] withTerms = java.util.stream.IntStream.range(0, n)
                .filter(r -> vectors[r] == null && !matrix.isEmpty(r)).toArray();
        int[] sample = strideRows(withTerms, FIT_SAMPLE);
        LatentSpace space = LatentSpace.fit(matrix, sample, corpus.dictionary.size(), settings.dimensions(), settings.seed());
        int d = space.dimensions;
        int wordThemes = d == 0 ? 0 : Math.min(settings.themes() > 0 ? settings.themes()
                : ThemeCount.choose(withTerms.length), sample.length);
        float[] centroids = new float[0];
        if (wordThemes > 0) {
            float[] fitVectors = new float[sample.length * d];
            int[] fitRows = new int[sample.length];
            for (int i = 0; i < sample.length; i++) {
                space.project(matrix, sample[i], fitVectors, i * d);
                fitRows[i] = i;
            }
            centroids = SphericalKMeans.fit(fitVectors, d, fitRows, wordThemes, settings.seed(),
                    SphericalKMeans.restarts(sample.length, wordThemes, d));
            float[] columns = Vectors.columns(centroids, wordThemes, d);
            // Place every such post (not only the sample) at its nearest centre.
            Chunks.forEach(n, c -> {
                float[] vector = new float[d];
                float[] similarities = new float[wordThemes];
                for (int row = Chunks.start(c); row < Chunks.end(c, n); row++) {
                    if (vectors[row] != null) {
                        continue;
                    }
                    space.project(matrix, row, vector, 0);
                    if (!Vectors.isZero(vector, 0, d)) {
                        int nearest = Vectors.nearest(vector, 0, columns, wordThemes, d, similarities);
                        cluster[row] = meaning.k + nearest;
                        similarity[row] = similarities[nearest];
                    }
                }
            });
        }
        var found = new Clusters(meaning, space, centroids, wordThemes, cluster, similarity);
        return describe(posts, order, texts, times, vectors, corpus, found, settings, sentences, languages, analysis);
    }

    /**
     * What stage 4 found: clusters 0..meaning.k-1 on meaning, then {@code wordThemes} clusters on words (centres in
     * the latent space), each post's cluster (-1 for none) and its similarity to its centre.
     */
    private record Clusters(MeaningThemes meaning, LatentSpace space, float[] wordCentroids, int wordThemes,
            int[] cluster, float[] similarity) {

        int k() {
            return meaning.k + wordThemes;
        }
    }

    /** Stages 5 and 6 and the numbering of themes: largest first, then by label. */
    private static ThemeResult describe(List<ThemeDocument> posts, int[] order, List<String> texts, List<Instant> times,
            float[][] vectors, CorpusAnalysis corpus, Clusters found, ThemeSettings settings, SentenceVectors sentences,
            LanguageDetection languages, TextAnalysis analysis) {
        int n = texts.size();
        int k = found.k();
        int[] cluster = found.cluster();
        float[] similarity = found.similarity();
        int[] sizes = new int[k];
        for (int c : cluster) {
            if (c >= 0) {
                sizes[c]++;
            }
        }
        List<List<Integer>> members = membersByCloseness(cluster, similarity, k);
        List<List<String>> summaries = ThemeSummaries.of(members, found.meaning(), texts, vectors, sentences);
        List<List<String>> terms = ThemeLabels.terms(corpus.matrix, corpus.dictionary, cluster, sizes);
        String[] labels = new String[k];
        for (int c = 0; c < k; c++) {
            if (sizes[c] > 0) {
                List<String> labelTerms = ThemeLabels.labelTerms(terms.get(c));
                var closest = members.get(c).stream().map(texts::get).toList();
                labels[c] = ThemeLabels.label(labelTerms, ThemeLabels.surfaces(labelTerms, closest, languages, analysis));
            }
        }
        Integer[] ranked = java.util.stream.IntStream.range(0, k).filter(c -> sizes[c] > 0).boxed().toArray(Integer[]::new);
        Arrays.sort(ranked, Comparator.<Integer>comparingInt(c -> -sizes[c]).thenComparing(c -> labels[c])
                .thenComparingInt(c -> c));
        int[] themeOf = new int[k];
        Arrays.fill(themeOf, -1);
        for (int id = 0; id < ranked.length; id++) {
            themeOf[ranked[id]] = id;
        }
        ThemeTrends trends = ThemeTrends.of(times, cluster, k, settings.windows());
        var themes = new ArrayList<Theme>(ranked.length);
        for (int id = 0; id < ranked.length; id++) {
            int c = ranked[id];
            themes.add(new Theme(id, labels[c], sizes[c], representatives(members.get(c), order, texts,
                    settings.representatives()), terms.get(c), summaries.get(c), trends.trends[c],
                    Arrays.stream(trends.windows[c]).boxed().toList()));
        }
        int[] assignments = new int[n];
        int[] windowOfPost = new int[n];
        for (int row = 0; row < n; row++) {
            assignments[order[row]] = cluster[row] < 0 ? -1 : themeOf[cluster[row]];
            windowOfPost[order[row]] = trends.windowOf[row];
        }
        int[] themeOfCluster = themeOf;
        var model = new ThemeModel(corpus.dictionary, found.space(), found.meaning(), found.wordCentroids(),
                java.util.stream.IntStream.range(0, k).map(c -> themeOfCluster[c]).toArray(), languages, analysis);
        List<String> rising = trends.emergingTerms(corpus.matrix, corpus.dictionary);
        var recentPosts = java.util.stream.IntStream.range(0, n)
                .filter(r -> trends.windowOf[r] == trends.windowCount - 1).mapToObj(texts::get).toList();
        var risingForms = ThemeLabels.surfaces(rising, recentPosts, languages, analysis);
        return new ThemeResult(themes, assignments, windowOfPost, trends.windowCount,
                rising.stream().map(risingForms::get).toList(), model);
    }

    /** Each cluster's canonical rows, most similar to the centre first (ties by row). */
    private static List<List<Integer>> membersByCloseness(int[] cluster, float[] similarity, int k) {
        var members = new ArrayList<List<Integer>>(k);
        for (int c = 0; c < k; c++) {
            members.add(new ArrayList<>());
        }
        for (int row = 0; row < cluster.length; row++) {
            if (cluster[row] >= 0) {
                members.get(cluster[row]).add(row);
            }
        }
        for (List<Integer> list : members) {
            list.sort(Comparator.<Integer>comparingDouble(r -> -similarity[r]).thenComparingInt(r -> r));
        }
        return members;
    }

    /** The closest posts with distinct texts, as rows of the caller's list. */
    private static List<Integer> representatives(List<Integer> members, int[] order, List<String> texts, int count) {
        var chosen = new ArrayList<Integer>();
        var seen = new java.util.HashSet<String>();
        for (int i = 0; i < members.size() && chosen.size() < count; i++) {
            int row = members.get(i);
            if (seen.add(texts.get(row))) {
                chosen.add(order[row]);
            }
        }
        return chosen;
    }

    /** Indexes of the posts sorted by text, then time (no time first), then original index. */
    private static int[] canonicalOrder(List<ThemeDocument> posts) {
        Comparator<Integer> byText = Comparator.comparing(i -> posts.get(i).text());
        Comparator<Integer> byTime = Comparator.comparing(i -> posts.get(i).time(),
                Comparator.nullsFirst(Comparator.naturalOrder()));
        return java.util.stream.IntStream.range(0, posts.size()).boxed().parallel()
                .sorted(byText.thenComparing(byTime).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    /** At most {@code count} rows spread evenly over {@code rows}. */
    static int[] strideRows(int[] rows, int count) {
        if (rows.length <= count) {
            return rows;
        }
        int[] sample = new int[count];
        for (int i = 0; i < count; i++) {
            sample[i] = rows[(int) ((long) i * rows.length / count)];
        }
        return sample;
    }

    private static List<String> stride(List<String> texts, int count) {
        int[] all = java.util.stream.IntStream.range(0, texts.size()).toArray();
        return Arrays.stream(strideRows(all, count)).mapToObj(texts::get).toList();
    }
}
