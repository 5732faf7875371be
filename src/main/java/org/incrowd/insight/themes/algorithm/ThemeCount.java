package org.incrowd.insight.themes.algorithm;

/**
 * How many themes, when the analyst has not said: the classic rule of thumb k = sqrt(n / 2) (Mardia, Kent and Bibby,
 * "Multivariate Analysis", 1979), at most {@link #MAX} so that the list stays readable. It grows with the Jam, as
 * the number of distinct points people make does: about 10 themes for 200 posts, 70 for 10,000, capped at 100.
 */
public final class ThemeCount {

    public static final int MAX = 100;

    private ThemeCount() {}

    /** Number of themes for {@code posts} posts that have words in the dictionary (0 for none). */
    public static int choose(int posts) {
        if (posts <= 0) {
            return 0;
        }
        return (int) Math.max(1, Math.min(MAX, Math.round(Math.sqrt(posts / 2.0))));
    }
}
