package org.incrowd.insight.themes.algorithm;

import org.incrowd.text.Language;
import org.incrowd.text.LanguageDetection;

/**
 * What it takes to place a new post in the current themes without recomputing them: the main language, the
 * dictionary with its IDF weights, the latent space and the theme centres. Placing a post is the same code path as
 * the batch uses for every post (detect, analyse, weigh, project, nearest centre), so a post gets the same theme
 * either way.
 */
public final class ThemeModel {

    private final Dictionary dictionary;
    private final LatentSpace space;
    private final float[] centroids;
    private final int[] themeOfCentroid;
    private final LanguageDetection languages;
    private final TextAnalysis analysis;

    ThemeModel(Dictionary dictionary, LatentSpace space, float[] centroids, int[] themeOfCentroid,
            LanguageDetection languages, TextAnalysis analysis) {
        this.dictionary = dictionary;
        this.space = space;
        this.centroids = centroids;
        this.themeOfCentroid = themeOfCentroid;
        this.languages = languages;
        this.analysis = analysis;
    }

    /** The theme id for a new post, or null if none fits (no themes yet, or none of its words is known). */
    public Integer assign(ThemeDocument post) {
        if (themeOfCentroid.length == 0) {
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
        float[] vector = new float[space.dimensions];
        space.project(terms, weights, 0, entries, vector, 0);
        return nearest(vector, 0);
    }

    /** The theme id of the centre nearest to a projected post, or null for a zero vector. */
    Integer nearest(float[] vector, int at) {
        int d = space.dimensions;
        if (d == 0 || themeOfCentroid.length == 0 || Vectors.isZero(vector, at, d)) {
            return null;
        }
        int theme = themeOfCentroid[Vectors.nearest(vector, at, centroids, themeOfCentroid.length, d)];
        return theme < 0 ? null : theme;
    }

    /** The main language of the Jam, used for posts whose language cannot be told. */
    public Language mainLanguage() {
        return languages.fallback();
    }

    /** How many numbers the model holds (term vectors, centres, dictionary entries): its weight in a cache. */
    public int footprint() {
        return space.termVectors.length + centroids.length + dictionary.size();
    }

    /** Number of dictionary terms. */
    public int dictionarySize() {
        return dictionary.size();
    }
}
