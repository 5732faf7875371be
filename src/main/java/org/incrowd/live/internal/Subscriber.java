package org.incrowd.live.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.incrowd.live.LiveEvent;
import org.incrowd.shared.LiveEventType;
import org.incrowd.shared.LiveReconnect;

/**
 * One browser's stream. Its writer ({@link StreamWriters}) writes live events to it without waiting
 * ({@link StreamOutput}): when the connection takes the bytes at once, as it does for a healthy reader, that is the
 * whole cost of a delivery. When it cannot, events wait in a bounded queue until the connection calls
 * {@link #writable()}, so a slow client never holds up the others; a client whose queue fills up is cut off: it
 * reconnects with {@code Last-Event-ID} and the log gives it what it missed, so memory per connection stays bounded.
 * Its methods are called by its writer, the presence tick, the keep-alive sweep, the container and, while it catches
 * up, its own request, so they hold the stream's own lock.
 */
final class Subscriber {

    /** Far more than a person can read in the time a healthy connection needs to take them. */
    static final int QUEUE = 512;
    private static final Frame REFRESH =
            Frame.of(new LiveEvent(0, 0, null, null, LiveEventType.REFRESH.wireName(), "{}"));
    /** Events written in one go at most, so that a long replay still goes out in pieces of reasonable size. */
    private static final int BATCH = 64;

    private final long jamId;
    private final Long forumId;
    private final Long threadId;
    private final long personId;
    private final StreamOutput output;
    /**
     * The event types its page listens to, with the ones that steer the stream (presence, refresh, removed); null for
     * every type. A Jam page whose regions show new posts only is not written a tally for every thread that got a vote.
     */
    private final Set<String> types;
    /** Its place and its person's payload, made once: the dispatcher and presence ask for them all the time. */
    private final String place;
    private final String personal;
    /** Events not written yet; made with the first, so that a stream that never hears anything holds none. */
    private ArrayDeque<Frame> queue;
    /** The last id handed over, so that an event reaching this node twice (replay, then dispatch) goes out once. */
    private long lastOffered;
    private volatile boolean closed;
    private volatile boolean heardPresence;
    /** Writes no longer wait ({@link #writable()} was called), and none is still going out. */
    private boolean ready;
    /** An event that ends the stream was handed over: it ends once that is out. */
    private boolean ending;
    /** Whether anything was written since the last keep-alive sweep. */
    private boolean wroteSinceSweep;
    /** Whether an event with an id (so the browser's last event id) was written since the last sweep. */
    private boolean idSinceSweep;

    Subscriber(long jamId, Long forumId, Long threadId, long personId, StreamOutput output) {
        this(jamId, forumId, threadId, personId, null, output);
    }

    /** A stream of only the {@code types} its page listens to (wire names); null for every type. */
    Subscriber(long jamId, Long forumId, Long threadId, long personId, Set<String> types, StreamOutput output) {
        this.jamId = jamId;
        this.forumId = forumId;
        this.threadId = threadId;
        this.personId = personId;
        this.output = output;
        this.types = types == null ? null : union(types, LiveEventType.steering());
        this.place = threadId != null ? "thread:" + threadId : forumId != null ? "forum:" + forumId : "jam:" + jamId;
        this.personal = personalPayload(personId);
    }

    private static Set<String> union(Set<String> some, Set<String> more) {
        var all = new HashSet<>(some);
        all.addAll(more);
        return all;
    }

    long jamId() {
        return jamId;
    }

    Long threadId() {
        return threadId;
    }

    long personId() {
        return personId;
    }

    /** Events up to this id are not sent: the browser has them (or, on a first connect, the page shows them). */
    void startAfter(long id) {
        lastOffered = id;
    }

    /** The payload of an event for one person's pages only (a removal, a notification). */
    static String personalPayload(long personId) {
        return "{\"person\":" + personId + "}";
    }

    /** The payload of a notification event for every page of the Jam: a fan-out to its members. */
    static final String EVERY_MEMBER = "{}";

    /** After this the stream ends: the page reloads (and a removed person reads why they may not come back). */
    private static boolean ends(Frame frame) {
        return frame == REFRESH || LiveEventType.REMOVED.wireName().equals(frame.event().type());
    }

    /**
     * A page gets only the types it listens to, if it named them. Jam-wide events go to every page of the Jam; a
     * removal only to the pages of the person removed; a notification to the recipient's pages (or, for a Jam-wide
     * fan-out, to every page of the Jam); forum events to the Jam page, that forum and its threads; thread events to
     * the Jam page, their forum page and that thread.
     */
    boolean wants(LiveEvent event) {
        if (types != null && !types.contains(event.type())) {
            return false;
        }
        if (LiveEventType.NOTIFICATION.wireName().equals(event.type())) {
            // The bell is on every page: a person's own notification reaches their pages of any Jam.
            return event.payload().equals(personal)
                    || event.jamId() == jamId && event.payload().equals(EVERY_MEMBER);
        }
        if (event.jamId() != jamId) {
            return false;
        }
        if (LiveEventType.REMOVED.wireName().equals(event.type())) {
            return event.payload().equals(personal);
        }
        if (forumId != null && event.forumId() != null && !forumId.equals(event.forumId())) {
            return false;
        }
        return threadId == null || event.threadId() == null || threadId.equals(event.threadId());
    }

    /**
     * Takes the event if this stream wants it and writes it out: one dispatched while the stream caught up. False
     * when the client is too slow and was cut off.
     */
    synchronized boolean offer(Frame frame) {
        queue(frame);
        writeQueued();
        return !closed;
    }

    /**
     * Takes the event if this stream wants it, to be written with the others of the same round by
     * {@link #writeQueued()}. True when taken; a client too slow to take it is cut off ({@link #closed()}).
     */
    synchronized boolean queue(Frame frame) {
        if (closed || frame.id() <= lastOffered || !wants(frame.event())) {
            return false;
        }
        lastOffered = frame.id();
        if (!enqueue(frame)) {
            close();
            return false;
        }
        return true;
    }

    private boolean enqueue(Frame frame) {
        if (queue == null) {
            queue = new ArrayDeque<>();
        }
        if (queue.size() >= QUEUE) {
            return false;
        }
        queue.add(frame);
        return true;
    }

    /** The page this stream belongs to, for presence: {@code thread:7}, {@code forum:3} or {@code jam:1}. */
    String place() {
        return place;
    }

    boolean heardPresence() {
        return heardPresence;
    }

    /**
     * How many are on this page: a signal outside the log (no id, never replayed). A full queue drops it rather than
     * cutting the client off; the next count follows within a second.
     */
    synchronized void presence(Frame count) {
        if (!closed && enqueue(count)) {
            heardPresence = true;
            writeQueued();
        }
    }

    /** The browser's last event is older than the log keeps: it should reload rather than miss something. */
    synchronized void refresh() {
        if (closed) {
            return;
        }
        enqueue(REFRESH);
        writeQueued();
    }

    boolean closed() {
        return closed;
    }

    /**
     * Writes the first bytes, so that the browser knows it is connected, and how soon to come back after a drop: a
     * delay of this stream's own, so that the pages of a node that goes away do not all come back in the same
     * instant.
     */
    synchronized boolean open() {
        return write((":connected\nretry:" + LiveReconnect.retryMillis() + "\n\n").getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Writes events read from the log straight out, waiting for each page to go, before the stream takes live
     * events: what a reconnecting browser missed, a page at a time. False when the connection has ended.
     */
    synchronized boolean send(List<Frame> page) {
        var wanted = new ArrayList<Frame>();
        for (var frame : page) {
            if (frame.id() > lastOffered && wants(frame.event())) {
                wanted.add(frame);
            }
        }
        if (!page.isEmpty()) {
            lastOffered = Math.max(lastOffered, page.getLast().id());
        }
        idSinceSweep |= !wanted.isEmpty();
        for (int from = 0; from < wanted.size() && !closed; from += BATCH) {
            write(Frame.joined(wanted.subList(from, Math.min(wanted.size(), from + BATCH))));
        }
        if (wanted.stream().anyMatch(Subscriber::ends)) {
            close();
        }
        return !closed;
    }

    /**
     * The connection can take bytes without waiting: the first call switches the stream from catching up to live
     * events, and later ones come when a write that could not go out at once has gone. Whatever queued up meanwhile
     * goes out in one write.
     */
    synchronized void writable() {
        ready = true;
        writeQueued();
    }

    /**
     * A line now and then on a stream with nothing else to say, so that a page that closed is noticed. It carries the
     * log's position as an id without an event ({@code id:} and a blank line set the browser's last event id and
     * dispatch nothing): {@code seenUpTo} is how far this stream's writer has handed events out, so every event up to
     * there that the page wants is written before this line. A page that listens to rare events therefore comes back
     * after a drop from a recent point, not from its last event hours ago, which would replay hours of the log or, once
     * the log no longer reaches back so far, reload the page.
     */
    synchronized void keepAlive(long seenUpTo) {
        if (ready && !closed && (queue == null || queue.isEmpty())) {
            long position = Math.max(lastOffered, seenUpTo);
            if (!idSinceSweep && position > 0) {
                // also after a presence count: those carry no id, and a Jam page may hear nothing else for hours
                ready = write(("id:" + position + "\n\n").getBytes(StandardCharsets.US_ASCII));
            } else if (!wroteSinceSweep) {
                ready = write(KEEP_ALIVE);
            }
        }
        wroteSinceSweep = false;
        idSinceSweep = false;
    }

    /** Writes what was queued, as far as the connection takes it without waiting. */
    synchronized void writeQueued() {
        while (ready && !closed && queue != null && !queue.isEmpty()) {
            var batch = new ArrayList<Frame>(Math.min(queue.size(), BATCH));
            while (batch.size() < BATCH && !queue.isEmpty()) {
                batch.add(queue.poll());
            }
            ending |= batch.stream().anyMatch(Subscriber::ends);
            idSinceSweep |= batch.stream().anyMatch(frame -> frame.id() > 0);
            ready = write(Frame.joined(batch));
        }
        if (ending && ready) {
            close();
        }
    }

    /** False when the bytes are still going out (or the connection failed and the stream is closed). */
    private boolean write(byte[] bytes) {
        try {
            wroteSinceSweep = true;
            return output.write(bytes);
        } catch (IOException | RuntimeException gone) {
            close(); // the browser went away, or the container ended the response meanwhile
            return false;
        }
    }

    private static final byte[] KEEP_ALIVE = ":keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

    synchronized void close() {
        if (!closed) {
            closed = true;
            queue = null;
            output.end();
        }
    }
}
