package org.incrowd.jam;

import java.time.Duration;
import java.time.Instant;

/**
 * The moments of a Jam its members are told about. Each is due from its moment until the next one, so a check that
 * runs late (or a node that was down) still finds it, and a milestone that passed while nobody could be told (a Jam
 * closed early never "closes in an hour") is skipped rather than sent out of order.
 */
public enum JamMilestone {
    /** The Jam is live. */
    OPENED,
    /** The Jam closes in 24 hours; only for Jams that were live 24 hours before their end. */
    CLOSING_DAY,
    /** The Jam closes in an hour; only for Jams that were live an hour before their end. */
    CLOSING_HOUR,
    /** The Jam has closed; told for a day after the close, so old Jams stay quiet when this feature arrives. */
    CLOSED;

    static final Duration DAY = Duration.ofHours(24);
    static final Duration HOUR = Duration.ofHours(1);

    /** Whether this milestone is due for {@code jam} at {@code now} (told or not). */
    public boolean isDue(Jam jam, Instant now) {
        if (!jam.published()) {
            return false;
        }
        Instant start = jam.startsAt();
        Instant end = jam.endsAt();
        return switch (this) {
            case OPENED -> within(now, start, end);
            case CLOSING_DAY -> !start.isAfter(end.minus(DAY)) && within(now, end.minus(DAY), end.minus(HOUR));
            case CLOSING_HOUR -> !start.isAfter(end.minus(HOUR)) && within(now, end.minus(HOUR), end);
            case CLOSED -> within(now, end, end.plus(DAY));
        };
    }

    /** How far back a Jam's end may lie for any milestone to be due: the window of {@link #CLOSED}. */
    public static Duration lookBack() {
        return DAY;
    }

    private static boolean within(Instant now, Instant from, Instant until) {
        return !now.isBefore(from) && now.isBefore(until);
    }
}
