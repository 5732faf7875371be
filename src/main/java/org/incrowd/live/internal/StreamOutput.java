package org.incrowd.live.internal;

import java.io.IOException;

/**
 * Where a stream's bytes go: the browser's connection ({@link ServletStreamOutput}), or a recording in tests.
 *
 * <p>It writes in two modes. While the stream catches up on what the browser missed, a write waits until the bytes
 * are out, on the stream's own request thread. Once {@link Subscriber#writable()} has been called, a write returns at
 * once, on whichever thread offered the event (the dispatcher, for most): nothing waits, and no thread is woken per
 * stream and event (ADR 50, "Writing without waiting").
 */
interface StreamOutput {

    /**
     * Writes the bytes. In the first mode returns true once they are written. In the second returns true when they
     * went out at once, false when the connection took them but could not send them all yet: it then calls
     * {@link Subscriber#writable()} when it can take more, and nothing may be written before that.
     */
    boolean write(byte[] bytes) throws IOException;

    /** Ends the response; the connection stays open for the browser's next request. */
    void end();
}
