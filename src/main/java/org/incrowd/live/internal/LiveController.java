package org.incrowd.live.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import org.incrowd.discussion.Reading;
import org.incrowd.discussion.Post;
import org.incrowd.identity.Actor;
import org.incrowd.identity.CurrentActor;
import org.incrowd.jam.JamService;
import org.incrowd.shared.LiveEventType;
import org.incrowd.shared.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /live/jams/{id}}: one Server-Sent Events stream per page, for the whole Jam or narrowed to a forum or a
 * thread. Each event's id is its log id; a browser that reconnects sends {@code Last-Event-ID} and gets exactly what
 * it missed.
 */
@RestController
class LiveController {

    private static final Logger log = LoggerFactory.getLogger(LiveController.class);

    /** Browsers reconnect by themselves; a bounded lifetime lets abandoned connections end even if no write fails. */
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    /** Events written this long before a page was made may still have been invisible to it (uncommitted). */
    static final Duration COMMIT_MARGIN = Duration.ofSeconds(5);
    /** A page older than this reloads rather than replays (it was most likely restored from the browser's cache). */
    static final Duration OLDEST_PAGE = Duration.ofMinutes(2);

    private final LiveHub hub;
    private final LiveLog events;
    private final JamService jams;
    private final Reading discussion;
    private final StreamLimits limits;
    private final CurrentActor currentActor;
    private final Clock clock;

    LiveController(LiveHub hub, LiveLog log, JamService jams, Reading discussion, StreamLimits limits,
                   CurrentActor currentActor, Clock clock) {
        this.limits = limits;
        this.hub = hub;
        this.events = log;
        this.jams = jams;
        this.discussion = discussion;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping("/live/jams/{jamId}") // no "produces": refusals must be able to answer in plain text
    void stream(@PathVariable long jamId, @RequestParam(required = false) Long forum,
                @RequestParam(required = false) Long thread, @RequestParam(required = false) Long since,
                @RequestParam(required = false) String on,
                @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                HttpServletRequest request, HttpServletResponse response) throws IOException {
        var types = types(on, response);
        var actor = currentActor.require();
        jams.require(actor, jamId);
        if (forum != null && jams.requireForum(actor, forum).jam().id() != jamId) {
            throw Refusal.notFound("error.notFound");
        }
        if (thread != null) {
            requireThread(actor, jamId, forum, thread);
        }
        // Without a starting point the stream starts where the log stood when the request came, taken here rather
        // than on the stream's own thread: what happens while the stream opens is replayed, never lost.
        Long last = lastEventId != null ? parse(lastEventId) : since != null ? startOfPage(since) : hub.dispatchedUpTo();
        var permit = limits.open(actor.personId(), request.getRemoteAddr());
        response.setContentType("text/event-stream");
        response.setHeader("X-Accel-Buffering", "no"); // a proxy such as nginx passes each event on at once
        var async = request.startAsync();
        async.setTimeout(STREAM_LIFETIME.toMillis());
        var output = new ServletStreamOutput(async, response);
        var subscriber = new Subscriber(jamId, forum, thread, actor.personId(), types, output);
        output.onEnd(subscriber, () -> {
            hub.unsubscribe(subscriber);
            permit.release();
        });
        try {
            // Through the filters' wrappers: the session cookie and the protective headers go out with the headers.
            response.flushBuffer();
            // Catching up waits for the connection, on this request's own thread; live events then do not.
            if (subscriber.open()) {
                hub.subscribe(subscriber, jamId, last);
                output.writeWithoutWaiting(subscriber);
            }
        } catch (IOException gone) {
            subscriber.close(); // the browser went away while the stream opened
        } catch (RuntimeException e) {
            log.warn("Live stream of Jam {} failed; the browser reconnects", jamId, e);
            subscriber.close();
        }
    }

    /**
     * A thread stream counts its reader as "here" on that thread: only an idea of this Jam (and of the forum, when
     * one is named) that the reader may see. Anything else is "no such thread", so nothing about it leaks.
     */
    private void requireThread(Actor actor, long jamId, Long forumId, long threadId) {
        Post idea;
        try {
            idea = discussion.require(actor, threadId);
        } catch (Refusal notVisible) {
            throw Refusal.notFound("thread.notFound");
        }
        if (!idea.isIdea() || idea.jamId() != jamId || forumId != null && idea.forumId() != forumId) {
            throw Refusal.notFound("thread.notFound");
        }
    }

    /**
     * Where a page's first connection starts: a little before the page was made, because a transaction that wrote
     * its event earlier may have committed after the page was read. Seeing an event twice only refreshes a region
     * once more; never seeing it would leave the page behind. How far back a page may ask is bounded.
     */
    private Long startOfPage(long renderedAtMillis) {
        var now = clock.instant();
        var renderedAt = Instant.ofEpochMilli(renderedAtMillis);
        if (renderedAt.isAfter(now)) {
            renderedAt = now;
        }
        if (renderedAt.isBefore(now.minus(OLDEST_PAGE))) {
            renderedAt = now.minus(OLDEST_PAGE);
        }
        // An empty log (a fresh installation, or one the retention run emptied) has nothing to replay.
        Long before = events.lastIdBefore(renderedAt.minus(COMMIT_MARGIN));
        return before != null ? before : hub.dispatchedUpTo();
    }

    /**
     * {@code on=post,tally}: the events the page's regions listen to (live.js sends them), so that the stream carries
     * no others; without it, every event. A name this node does not know is left out rather than refused: a browser
     * gives up on a stream for good at an error status, and a page of a newer version may name an event that this node,
     * during a rolling upgrade, does not have yet. The response names what was left out, for a client that mistyped.
     */
    static Set<String> types(String on, HttpServletResponse response) {
        if (on == null) {
            return null;
        }
        var types = new HashSet<String>();
        var unknown = new ArrayList<String>();
        for (var name : on.split(",")) {
            var type = name.strip();
            if (type.isEmpty()) {
                continue;
            }
            if (LiveEventType.ofWireName(type).isPresent()) {
                types.add(type);
            } else if (unknown.size() < MAX_UNKNOWN_NAMED && type.length() <= MAX_NAME && type.chars()
                    .allMatch(c -> c == '-' || Character.isLetterOrDigit(c))) {
                unknown.add(type);
            }
        }
        if (!unknown.isEmpty()) {
            response.setHeader(UNKNOWN_EVENTS, String.join(",", unknown));
        }
        return types;
    }

    /** The response header that names the events of {@code on} this node does not know. */
    static final String UNKNOWN_EVENTS = "X-Incrowd-Unknown-Events";
    private static final int MAX_UNKNOWN_NAMED = 8;
    private static final int MAX_NAME = 40;

    private static Long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(lastEventId.strip());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw Refusal.invalid("Last-Event-ID", "live.lastEventId.invalid");
        }
    }
}
