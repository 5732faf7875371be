package org.incrowd.insight.themes.algorithm;

import java.util.List;

/**
 * The themes of a collection of posts, which theme each post is in, the terms that are rising in the latest time
 * window, and the model that places new posts in these themes.
 */
public final class ThemeResult {

    private final List<Theme> themes;
    private final int[] assignments;
    private final List<String> emergingTerms;
    private final ThemeModel model;

    ThemeResult(List<Theme> themes, int[] assignments, List<String> emergingTerms, ThemeModel model) {
        this.themes = List.copyOf(themes);
        this.assignments = assignments;
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

    public List<String> emergingTerms() {
        return emergingTerms;
    }

    public ThemeModel model() {
        return model;
    }
}
