package org.incrowd.help;

import java.time.Duration;

/**
 * How long a question has waited for its first answer, in the bands the stream shows it in: the longer, the more
 * prominent, so that no question is forgotten. A business rule with a name, not a style: the page and the feed agree.
 */
public enum Waiting {
    /** Under an hour. */
    FRESH(Duration.ZERO),
    /** One to four hours: someone should look. */
    HOURS(Duration.ofHours(1)),
    /** Four to 24 hours: overdue for a help desk. */
    LONG(Duration.ofHours(4)),
    /** A day or more. */
    DAYS(Duration.ofDays(1));

    private final Duration from;

    Waiting(Duration from) {
        this.from = from;
    }

    public static Waiting of(Duration waited) {
        var band = FRESH;
        for (var candidate : values()) {
            if (waited.compareTo(candidate.from) >= 0) {
                band = candidate;
            }
        }
        return band;
    }

    /** The CSS class of the band, e.g. "help-waiting-long". */
    public String cssClass() {
        return "help-waiting-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
