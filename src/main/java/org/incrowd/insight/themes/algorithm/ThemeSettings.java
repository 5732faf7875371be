package org.incrowd.insight.themes.algorithm;

/**
 * Knobs of the themes pipeline. Every default is what the application and the benchmark use.
 *
 * @param themes          number of themes wanted, or 0 to choose it automatically ({@link ThemeCount})
 * @param representatives how many representative posts to keep per theme
 * @param windows         how many equal time windows the trend compares
 * @param dimensions      dimensions of the latent (LSA) space the posts are clustered in
 * @param seed            seed of every random choice, so the same posts always give the same themes
 */
public record ThemeSettings(int themes, int representatives, int windows, int dimensions, long seed) {

    public static final ThemeSettings DEFAULT = new ThemeSettings(0, 5, 4, 100, 20_060_401L);

    public ThemeSettings {
        if (themes < 0 || representatives < 0 || windows < 2 || dimensions < 2) {
            throw new IllegalArgumentException("themes >= 0, representatives >= 0, windows >= 2, dimensions >= 2");
        }
    }

    /** The same settings with a fixed number of themes (0 for automatic). */
    public ThemeSettings withThemes(int count) {
        return new ThemeSettings(count, representatives, windows, dimensions, seed);
    }
}
