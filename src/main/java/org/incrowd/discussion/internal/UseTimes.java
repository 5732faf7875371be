package org.incrowd.discussion.internal;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The moments one person used an action within a limit's window, oldest first, to the millisecond, as a {@code
 * rate_limit} row keeps them: the first as milliseconds since the epoch, each later one as milliseconds after the
 * first (4 bytes each, so a window must be shorter than 24 days). A person using an action 60 times a minute keeps
 * 244 bytes; only uses inside the window are kept. The times stay in order even when clocks disagree: a use stamped
 * by a node whose clock runs ahead counts until it leaves the window, and does not move the uses after it.
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

    /** These uses and one more now, in its place in time. */
    UseTimes and(Instant now) {
        long at = now.toEpochMilli();
        int place = millis.length;
        while (place > 0 && millis[place - 1] > at) {
            place--;
        }
        var more = new long[millis.length + 1];
        System.arraycopy(millis, 0, more, 0, place);
        more[place] = at;
        System.arraycopy(millis, place, more, place + 1, millis.length - place);
        return new UseTimes(more);
    }
}
