package org.incrowd.insight.participation.algorithm;

import java.time.Duration;

/** How wide the timeline's buckets are: hours for a 72-hour Jam, wider for longer ones, never many hundreds. */
public final class TimeBuckets {

    private static final Duration[] WIDTHS = {Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1),
            Duration.ofDays(7)};
    /** About a week of hours still reads as a chart and a table. */
    public static final long MOST_BUCKETS = 170;

    private TimeBuckets() {
    }

    /** The narrowest width that covers {@code span} in at most {@link #MOST_BUCKETS} buckets (weeks beyond). */
    public static Duration widthFor(Duration span) {
        for (Duration width : WIDTHS) {
            if (count(span, width) <= MOST_BUCKETS) {
                return width;
            }
        }
        return WIDTHS[WIDTHS.length - 1];
    }

    /** Buckets needed to cover the span (at least one). */
    public static long count(Duration span, Duration width) {
        long seconds = Math.max(span.toSeconds(), 1);
        return (seconds + width.toSeconds() - 1) / width.toSeconds();
    }
}
