package org.incrowd.insight.themes.algorithm;

/** How a theme moves over the Jam's time windows ({@link ThemeTrends} says how each is decided). */
public enum Trend {
    EMERGING, GROWING, STEADY, FADING;

    /** Lower-case name for JSON and pages. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
