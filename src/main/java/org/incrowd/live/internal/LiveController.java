package org.incrowd.live.internal;

import java.time.Duration;
import org.incrowd.identity.CurrentActor;
import org.incrowd.jam.JamService;
import org.incrowd.web.Refusal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /live/jams/{id}}: one Server-Sent Events stream per page, for the whole Jam or narrowed to a forum or a
 * thread. Each event's id is its log id; a browser that reconnects sends {@code Last-Event-ID} and gets exactly what
 * it missed.
 */
@RestController
class LiveController {

    /** Browsers reconnect by themselves; a bounded lifetime lets abandoned connections end even if no write fails. */
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private final LiveHub hub;
    private final JamService jams;
    private final CurrentActor currentActor;

    LiveController(LiveHub hub, JamService jams, CurrentActor currentActor) {
        this.hub = hub;
        this.jams = jams;
        this.currentActor = currentActor;
    }

    @GetMapping("/live/jams/{jamId}") // no "produces": refusals must be able to answer in plain text
    SseEmitter stream(@PathVariable long jamId, @RequestParam(required = false) Long forum,
                      @RequestParam(required = false) Long thread,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        var actor = currentActor.require();
        jams.require(actor, jamId);
        if (forum != null && jams.requireForum(actor, forum).jam().id() != jamId) {
            throw Refusal.notFound("error.notFound");
        }
        Long last = parse(lastEventId);
        var emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        var subscriber = new Subscriber(jamId, forum, thread, emitter);
        emitter.onCompletion(() -> hub.unsubscribe(subscriber));
        emitter.onTimeout(subscriber::close);
        emitter.onError(error -> subscriber.close());
        hub.subscribe(subscriber, jamId, last);
        Thread.ofVirtual().name("live-stream-" + jamId).start(subscriber::drain);
        return emitter;
    }

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
