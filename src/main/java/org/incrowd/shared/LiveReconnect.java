package org.incrowd.shared;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a browser's live page waits before it comes back, sent as the stream's {@code retry:}: a random time
 * between two and six seconds. When a node goes away every page it served drops at the same moment; had they all
 * been told the same delay, ten thousand would knock at the restarted node in the same instant, take every database
 * connection at once and be sent away together again. Spread over four seconds they come back a few thousand a
 * second, which a node serves at the pace they arrive (ADR 50, "Reconnect storms").
 */
public final class LiveReconnect {

    /** Soon enough that a page hardly notices a node's restart. */
    public static final long SHORTEST_MILLIS = 2_000;
    /** Late enough that a storm is spread over some seconds. */
    public static final long LONGEST_MILLIS = 6_000;

    private LiveReconnect() {}

    /** A delay for one stream, drawn anew for each: in [{@link #SHORTEST_MILLIS}, {@link #LONGEST_MILLIS}]. */
    public static long retryMillis() {
        return ThreadLocalRandom.current().nextLong(SHORTEST_MILLIS, LONGEST_MILLIS + 1);
    }

    /** The {@code retry:} field of a stream that ends at once: the browser comes back after it. */
    public static String retryField() {
        return "retry: " + retryMillis() + "\n\n";
    }
}
