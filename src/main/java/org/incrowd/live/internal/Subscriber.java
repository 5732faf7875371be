package org.incrowd.live.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.incrowd.live.LiveEvent;
import org.incrowd.shared.LiveEventType;
import org.incrowd.shared.LiveReconnect;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One browser's stream. The dispatcher only offers events to its bounded queue; a virtual thread of its own writes
 * them out, so a slow client never holds up the others. A client whose queue fills up is cut off: it reconnects with
 * {@code Last-Event-ID} and the log gives it what it missed, so memory per connection stays bounded.
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
    private final SseEmitter emitter;
    /** Its place and its person's payload, made once: the dispatcher and presence ask for them all the time. */
    private final String place;
    private final String personal;
    /** Linked, so that an idle stream holds no room for {@link #QUEUE} events. */
    private final BlockingQueue<Frame> queue = new LinkedBlockingQueue<>(QUEUE);
    /** The last id handed over, so that an event reaching this node twice (replay, then dispatch) goes out once. */
    private long lastOffered;
    private volatile boolean closed;
    private volatile boolean heardPresence;

    Subscriber(long jamId, Long forumId, Long threadId, long personId, SseEmitter emitter) {
        this.jamId = jamId;
        this.forumId = forumId;
        this.threadId = threadId;
        this.personId = personId;
        this.emitter = emitter;
        this.place = threadId != null ? "thread:" + threadId : forumId != null ? "forum:" + forumId : "jam:" + jamId;
        this.personal = personalPayload(personId);
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
     * Jam-wide events go to every page of the Jam; a removal only to the pages of the person removed; a notification
     * to the recipient's pages (or, for a Jam-wide fan-out, to every page of the Jam); forum events to the Jam page, that forum and its threads; thread
     * events to the Jam page, their forum page and that thread.
     */
    boolean wants(LiveEvent event) {
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

    /** Called by the dispatcher (one thread); false when the client is too slow and was cut off. */
    boolean offer(Frame frame) {
        if (closed || frame.id() <= lastOffered || !wants(frame.event())) {
            return !closed;
        }
        lastOffered = frame.id();
        if (!queue.offer(frame)) {
            close();
            return false;
        }
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
    void presence(Frame count) {
        if (!closed && queue.offer(count)) {
            heardPresence = true;
        }
    }

    /** The browser's last event is older than the log keeps: it should reload rather than miss something. */
    void refresh() {
        queue.offer(REFRESH);
    }

    boolean closed() {
        return closed;
    }

    /**
     * Sends the headers at once (the browser knows it is connected) and how soon to come back after a drop: a delay of
     * this stream's own, so that the pages of a node that goes away do not all come back in the same instant.
     */
    boolean open() {
        try {
            emitter.send(SseEmitter.event().comment("connected").reconnectTime(LiveReconnect.retryMillis()));
            return true;
        } catch (IOException | IllegalStateException gone) {
            close();
            return false;
        }
    }

    /**
     * Writes events read from the log straight out, before the stream takes live events from its queue: what a
     * reconnecting browser missed, a page at a time. False when the connection has ended.
     */
    boolean send(List<Frame> page) {
        var wanted = new ArrayList<Frame>();
        for (var frame : page) {
            if (frame.id() > lastOffered && wants(frame.event())) {
                wanted.add(frame);
            }
        }
        if (!page.isEmpty()) {
            lastOffered = Math.max(lastOffered, page.getLast().id());
        }
        try {
            for (int from = 0; from < wanted.size() && !closed; from += BATCH) {
                emitter.send(new Frames(Frame.joined(wanted.subList(from, Math.min(wanted.size(), from + BATCH)))));
            }
            if (wanted.stream().anyMatch(Subscriber::ends)) {
                close();
            }
        } catch (IOException | IllegalStateException gone) {
            close();
        }
        return !closed;
    }

    /**
     * Writes events out until the connection ends; sends a comment now and then so dead peers are noticed. Whatever
     * has queued up meanwhile goes out in one write: under load, one flush instead of one per event.
     */
    void drain(Duration keepAlive) {
        var batch = new ArrayList<Frame>();
        try {
            while (!closed) {
                var frame = queue.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
                if (frame == null) {
                    emitter.send(new Frames(KEEP_ALIVE));
                    continue;
                }
                batch.add(frame);
                queue.drainTo(batch, BATCH - 1);
                emitter.send(new Frames(Frame.joined(batch)));
                if (batch.stream().anyMatch(Subscriber::ends)) {
                    close();
                }
                batch.clear();
            }
        } catch (IOException | IllegalStateException gone) {
            close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
        }
    }

    private static final byte[] KEEP_ALIVE = ":keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * Frames written as they are, bytes encoded once for every stream ({@link Frame}). Spring's own builder hands
     * each event to the message converters in three parts, as text to encode; with thousands of streams that
     * per-write cost was most of the server's work.
     */
    private record Frames(byte[] bytes) implements SseEmitter.SseEventBuilder {

        private static final MediaType EVENT_STREAM = MediaType.TEXT_EVENT_STREAM;

        @Override
        public Set<ResponseBodyEmitter.DataWithMediaType> build() {
            return Set.of(new ResponseBodyEmitter.DataWithMediaType(bytes, EVENT_STREAM));
        }

        @Override
        public SseEmitter.SseEventBuilder id(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SseEmitter.SseEventBuilder name(String eventName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SseEmitter.SseEventBuilder reconnectTime(long reconnectTimeMillis) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SseEmitter.SseEventBuilder comment(String comment) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SseEmitter.SseEventBuilder data(Object object) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SseEmitter.SseEventBuilder data(Object object, MediaType mediaType) {
            throw new UnsupportedOperationException();
        }
    }

    void close() {
        if (!closed) {
            closed = true;
            emitter.complete();
        }
    }
}
