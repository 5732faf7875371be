package org.incrowd.shared;

/**
 * Which characters no text in Incrowd may hold: the control characters (C0, DEL, C1), which nobody types, which
 * show as nothing or as garbage, and one of which (NUL) PostgreSQL cannot store at all. Tab, line feed and carriage
 * return are text like any other in multi-line fields; single-line fields refuse line breaks by their own rules.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    public static boolean isRefused(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL
                && codePoint != '\t' && codePoint != '\n' && codePoint != '\r';
    }

    public static boolean anyIn(String text) {
        return text != null && text.codePoints().anyMatch(ControlCharacters::isRefused);
    }

    /** The text without the refused characters. */
    public static String remove(String text) {
        if (!anyIn(text)) {
            return text;
        }
        var kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> !isRefused(c)).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
