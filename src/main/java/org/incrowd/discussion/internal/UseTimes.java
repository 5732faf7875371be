package org.incrowd.discussion.internal;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The moments one person used an action within a limit's window, oldest first, to the millisecond, as a {@code
 * rate_limit} row keeps them: the first as milliseconds since the epoch, each later one as milliseconds after the
 * first (4 bytes each, so a window must be shorter than 24 days). A person using an action 60 times a minute keeps
 * 248 bytes; only uses inside the window are kept.
 */
record UseTimes(long[] millis) {

    static final UseTimes NONE = new UseTimes(new long[0]);

    /** Windows longer than this do not fit the 4-byte offsets. */
    static final Duration LONGEST_WINDOW = Duration.ofMillis(Integer.MAX_VALUE);

    static UseTimes decode(byte[] stored) {
        if (stored == null || stored.length < Long.BYTES) {
            return NONE;
        }
        var in = ByteBuffer.wrap(stored);
        long first = in.getLong();
        var millis = new long[1 + in.remaining() / Integer.BYTES];
        millis[0] = first;
        for (int i = 1; i < millis.length; i++) {
            millis[i] = first + in.getInt();
        }
        return new UseTimes(millis);
    }

    byte[] encode() {
        if (millis.length == 0) {
            return null;
        }
        var out = ByteBuffer.allocate(Long.BYTES + (millis.length - 1) * Integer.BYTES);
        out.putLong(millis[0]);
        for (int i = 1; i < millis.length; i++) {
            out.putInt(Math.toIntExact(millis[i] - millis[0]));
        }
        return out.array();
    }

    /** The uses after {@code since} (a use exactly a window ago no longer counts). */
    UseTimes after(Instant since) {
        long from = since.toEpochMilli();
        int first = 0;
        while (first < millis.length && millis[first] <= from) {
            first++;
        }
        return first == 0 ? this : new UseTimes(Arrays.copyOfRange(millis, first, millis.length));
    }

    int count() {
        return millis.length;
    }

    /** These uses and one more now (a clock set back is taken as now, so the times stay in order). */
    UseTimes and(Instant now) {
        var more = Arrays.copyOf(millis, millis.length + 1);
        more[millis.length] = millis.length == 0 ? now.toEpochMilli()
                : Math.max(now.toEpochMilli(), millis[millis.length - 1]);
        return new UseTimes(more);
    }
}
