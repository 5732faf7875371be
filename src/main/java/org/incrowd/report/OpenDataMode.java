package org.incrowd.report;

import java.util.Arrays;
import org.incrowd.shared.Refusal;

/**
 * How an export treats the people in it. Neither mode names anyone: exports with names, e-mail addresses or units
 * are not offered at all, so nothing the organiser can publish identifies a participant.
 */
public enum OpenDataMode {

    /** Authors and voters appear as pseudonyms, stable within the export's scope, that only the server can make. */
    PSEUDONYMISED,
    /** No author or voter column at all; the opinion data numbers voters without linking them to posts. */
    REMOVED;

    /** The mode a request names; none: pseudonymised. */
    public static OpenDataMode parse(String text) {
        if (text == null || text.isBlank()) {
            return PSEUDONYMISED;
        }
        return Arrays.stream(values()).filter(mode -> mode.name().equalsIgnoreCase(text.trim())).findFirst()
                .orElseThrow(() -> Refusal.badRequest("mode", "openData.mode.unknown", text));
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String messageKey() {
        return "openData.mode." + key();
    }

    /** What the mode means for the people in the export, under its name on the page. */
    public String hintKey() {
        return messageKey() + ".hint";
    }
}
