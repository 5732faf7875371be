package org.incrowd.insight.themes.algorithm;

import org.incrowd.text.Language;
import org.incrowd.text.LanguageDetection;

/**
 * What it takes to place a new post in the current themes without recomputing them: the centres of the themes on
 * meaning, and for posts without a sentence vector the main language, the dictionary with its IDF weights, the latent
 * space and the centres of the themes on words. Placing a post is the same code path as the batch uses for every
 * post (nearest centre of its vector; or detect, analyse, weigh, project, nearest centre), so a post gets the same
 * theme either way.
 */
public final class ThemeModel {

    private final Dictionary dictionary;
    private final LatentSpace space;
    private final MeaningThemes meaning;
    private final float[] wordCentroids;
    /** The word centres column by column, as {@link Vectors#nearest} reads them. */
    private final float[] wordColumns;
    /** The theme id of each cluster: meaning's first, then the word clusters. */
    private final int[] themeOfCluster;
    private final LanguageDetection languages;
    private final TextAnalysis analysis;

    ThemeModel(Dictionary dictionary, LatentSpace space, MeaningThemes meaning, float[] wordCentroids,
            int[] themeOfCluster, LanguageDetection languages, TextAnalysis analysis) {
        this.dictionary = dictionary;
        this.space = space;
        this.meaning = meaning;
        this.wordCentroids = wordCentroids;
        this.themeOfCluster = themeOfCluster;
        this.wordColumns = Vectors.columns(wordCentroids, themeOfCluster.length - meaning.k, space.dimensions);
        this.languages = languages;
        this.analysis = analysis;
    }

    /**
     * The theme id for a new post, or null if none fits: by its sentence vector when it has one (null without
     * themes on meaning), else by its words (null without themes on words, or when none of its words is known).
     */
    public Integer assign(ThemeDocument post) {
        if (post.hasVector()) {
            return meaning.k == 0 ? null : theme(meaning.nearest(post.vector()));
        }
        int wordThemes = themeOfCluster.length - meaning.k;
        if (wordThemes == 0) {
            return null;
        }
        var ids = new int[16];
        int[] count = {0};
        int[][] holder = {ids};
        analysis.terms(post.text(), languages.detect(post.text()), (term, start, end) -> {
            int id = dictionary.id(term);
            if (id >= 0) {
                if (count[0] == holder[0].length) {
                    holder[0] = java.util.Arrays.copyOf(holder[0], count[0] * 2);
                }
                holder[0][count[0]++] = id;
            }
        });
        int[] terms = new int[count[0]];
        float[] weights = new float[count[0]];
        int entries = TermMatrix.weigh(holder[0], count[0], dictionary.idf, terms, weights, 0);
        int d = space.dimensions;
        float[] vector = new float[d];
        space.project(terms, weights, 0, entries, vector, 0);
        if (d == 0 || Vectors.isZero(vector, 0, d)) {
            return null;
        }
        return theme(meaning.k + Vectors.nearest(vector, 0, wordColumns, wordThemes, d, new float[wordThemes]));
    }

    private Integer theme(int cluster) {
        int theme = themeOfCluster[cluster];
        return theme < 0 ? null : theme;
    }

    /** The language a post is taken to be in (the Jam's main language when it cannot be told). */
    public Language languageOf(String text) {
        return languages.detect(text);
    }

    /** The main language of the Jam, used for posts whose language cannot be told. */
    public Language mainLanguage() {
        return languages.fallback();
    }

    /** How many numbers the model holds (term vectors, centres, dictionary entries): its weight in a cache. */
    public int footprint() {
        return space.termVectors.length + wordCentroids.length + meaning.centroids.length + meaning.mean.length
                + dictionary.size();
    }

    /** Number of dictionary terms. */
    public int dictionarySize() {
        return dictionary.size();
    }
}
