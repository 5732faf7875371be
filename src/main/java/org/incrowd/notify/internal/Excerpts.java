package org.incrowd.notify.internal;

/** Short plain excerpts of what people wrote, for notification texts (which escape them like every page does). */
final class Excerpts {

    static final int TITLE = 80;
    static final int TEXT = 140;

    private Excerpts() {
    }

    /** The first {@code max} characters of {@code text}, whitespace folded, with an ellipsis when cut; "" for null. */
    static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        String folded = text.strip().replaceAll("\\s+", " ");
        return folded.length() <= max ? folded : folded.substring(0, max - 1).stripTrailing() + "…";
    }
}
