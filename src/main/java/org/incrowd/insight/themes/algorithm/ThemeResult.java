package org.incrowd.insight.themes.algorithm;

import java.util.List;

/**
 * The themes of a collection of posts, which theme each post is in, the terms that are rising in the latest time
 * window, and the model that places new posts in these themes.
 */
public final class ThemeResult {

    private final List<Theme> themes;
    private final int[] assignments;
    private final int[] windowOfPost;
    private final int windowCount;
    private final List<String> emergingTerms;
    private final ThemeModel model;

    ThemeResult(List<Theme> themes, int[] assignments, int[] windowOfPost, int windowCount, List<String> emergingTerms,
            ThemeModel model) {
        this.themes = List.copyOf(themes);
        this.assignments = assignments;
        this.windowOfPost = windowOfPost;
        this.windowCount = windowCount;
        this.emergingTerms = List.copyOf(emergingTerms);
        this.model = model;
    }

    public List<Theme> themes() {
        return themes;
    }

    /** Number of posts analysed. */
    public int size() {
        return assignments.length;
    }

    /** The theme id of post {@code row}, or null if it has no theme (no word of it is in the dictionary). */
    public Integer theme(int row) {
        return assignments[row] < 0 ? null : assignments[row];
    }

    /** The time window of post {@code row} (0 oldest), or -1 when it has no time or the posts span no time. */
    public int window(int row) {
        return windowOfPost[row];
    }

    /** How many time windows the trends compare (0 when the posts span no time). */
    public int windowCount() {
        return windowCount;
    }

    public List<String> emergingTerms() {
        return emergingTerms;
    }

    public ThemeModel model() {
        return model;
    }
}
