package org.incrowd.live.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.incrowd.live.LiveEvent;

/**
 * An event together with its Server-Sent Events text, encoded once: every stream that gets the event writes these
 * same bytes. Encoding per stream cost more than everything else the server does for an event once thousands of
 * pages are open (the garbage it made drove the collector, whose pauses were the worst latencies).
 */
record Frame(LiveEvent event, byte[] bytes) {

    static Frame of(LiveEvent event) {
        var text = new StringBuilder(48 + event.payload().length());
        if (event.id() > 0) { // signals and refresh are outside the log
            text.append("id:").append(event.id()).append('\n');
        }
        text.append("event:").append(event.type()).append("\ndata:").append(event.payload()).append("\n\n");
        return new Frame(event, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static List<Frame> of(List<LiveEvent> events) {
        return events.stream().map(Frame::of).toList();
    }

    long id() {
        return event.id();
    }

    /** Several frames as one write (a batch that queued up, a page of a replay); one frame is not copied. */
    static byte[] joined(List<Frame> frames) {
        if (frames.size() == 1) {
            return frames.getFirst().bytes();
        }
        int length = 0;
        for (var frame : frames) {
            length += frame.bytes().length;
        }
        var joined = new byte[length];
        int at = 0;
        for (var frame : frames) {
            System.arraycopy(frame.bytes(), 0, joined, at, frame.bytes().length);
            at += frame.bytes().length;
        }
        return joined;
    }
}
