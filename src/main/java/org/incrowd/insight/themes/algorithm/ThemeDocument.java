package org.incrowd.insight.themes.algorithm;

import java.time.Instant;
import java.util.Objects;

/**
 * One post to find themes in: its text, when known when it was written (for trends), and when known its sentence
 * vector (unit length; null for a post in a language the sentence model does not cover: it is grouped by its words).
 */
public record ThemeDocument(String text, Instant time, float[] vector) {

    public ThemeDocument {
        text = Objects.requireNonNullElse(text, "");
    }

    public ThemeDocument(String text, Instant time) {
        this(text, time, null);
    }

    public static ThemeDocument of(String text) {
        return new ThemeDocument(text, null, null);
    }

    public boolean hasVector() {
        return vector != null;
    }
}
