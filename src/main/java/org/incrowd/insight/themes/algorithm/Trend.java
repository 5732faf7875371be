package org.incrowd.insight.themes.algorithm;

/** How a theme moves over the Jam's time windows ({@link ThemeTrends} says how each is decided). */
public enum Trend {
    EMERGING, GROWING, STEADY, FADING;

    /**
     * The trend of a theme with {@code counts} posts per window, oldest first, when the latest window holds
     * {@code latestAll} of all {@code allPosts} posts: the same rule the analysis applies, for themes an analyst
     * reshaped (merged, split, moved posts between).
     */
    public static Trend of(int[] counts, int latestAll, int allPosts) {
        return counts.length == 0 || allPosts == 0 ? STEADY : ThemeTrends.trend(counts, latestAll, allPosts);
    }

    /** Lower-case name for JSON and pages. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
