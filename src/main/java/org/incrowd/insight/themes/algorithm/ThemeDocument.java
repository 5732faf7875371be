package org.incrowd.insight.themes.algorithm;

import java.time.Instant;
import java.util.Objects;

/** One post to find themes in: its text and, when known, when it was written (for trends). */
public record ThemeDocument(String text, Instant time) {

    public ThemeDocument {
        text = Objects.requireNonNullElse(text, "");
    }

    public static ThemeDocument of(String text) {
        return new ThemeDocument(text, null);
    }
}
