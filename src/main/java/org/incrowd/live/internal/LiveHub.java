package org.incrowd.live.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.incrowd.live.LiveEvent;
import org.incrowd.shared.LiveEventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node's fan-out: reads the event log in id order and hands each event to the streams that want it.
 *
 * <p>Ids come from a sequence, and transactions commit in any order: id 11 may be visible before id 10 commits. The
 * dispatcher therefore advances only over an unbroken run of ids. A hole is waited for until every append that could
 * hold the missing id has ended ({@link AppendsInFlight}); then an id still missing was rolled back. No committed
 * event is skipped, however late it commits, none is sent twice, and a rollback holds the others up only for a
 * moment.
 */
@Component
class LiveHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);
    /** While waiting for a hole, how often to look again (a transaction of another node ends without a wake-up). */
    static final Duration HOLE_RECHECK = Duration.ofMillis(20);
    /** A hole held open longer than this is worth a line in the log: some transaction stays open for long. */
    private static final Duration HOLE_WARNING = Duration.ofSeconds(10);
    private static final int BATCH = 1_000;

    private final LiveLog events;
    private final WakeUps wakeUps;
    private final AppendsInFlight inFlight;
    private final ReplayPages replayPages;
    private final Clock clock;
    private final Duration poll;
    private final Duration keep;
    private final StreamIndex subscribers = new StreamIndex();
    private final int writerThreads;
    private volatile StreamWriters writers;
    /** Asked by every returning stream: in a reconnect storm thousands at once share each read. */
    private final SharedRead<Long> oldestId;
    private final Object dispatching = new Object();
    private final AtomicBoolean running = new AtomicBoolean();
    /**
     * Every event with an id up to here has been handed out (or was never committed). Written only under the lock;
     * volatile so that a reconnecting stream can see how far to replay without waiting for the lock.
     */
    private volatile long dispatchedUpTo;
    /** The {@link AppendsInFlight#mark()} taken when the hole after {@link #dispatchedUpTo} was first seen. */
    private volatile Long hole;
    private Instant holeSeen;

    LiveHub(LiveLog events, WakeUps wakeUps, AppendsInFlight inFlight, ReplayPages replayPages, Clock clock,
            @Value("${incrowd.live.poll-ms:2000}") long pollMillis,
            @Value("${incrowd.live.keep-hours:48}") long keepHours,
            @Value("${incrowd.live.writers:0}") int writerThreads) {
        this.writerThreads = writerThreads;
        this.writers = StreamWriters.of(writerThreads);
        this.events = events;
        this.oldestId = new SharedRead<>(events::oldestId);
        this.wakeUps = wakeUps;
        this.inFlight = inFlight;
        this.replayPages = replayPages;
        this.clock = clock;
        this.poll = Duration.ofMillis(pollMillis);
        this.keep = Duration.ofHours(keepHours);
    }

    /**
     * Adds a stream; runs on the stream's own thread, before it starts writing live events. With a
     * {@code lastEventId}, first writes out what the browser missed, read from the log a page at a time and written
     * straight to the connection: a laptop that wakes up having missed thousands of events catches up at the speed
     * its connection takes them, instead of overflowing the stream's queue before anything is written (which left it
     * reconnecting with the same id forever). The catching up reads the log without the dispatcher's lock, so that
     * thousands of browsers coming back at once (after a node restart) neither queue behind one another nor hold up
     * dispatching; under the lock only what was dispatched meanwhile is offered to the queue. The stream ignores ids
     * it has already been given, so the reads may overlap, and the replay and the live events meet without a gap.
     * Streams coming back from the same point share the pages read for them ({@link ReplayPages}).
     */
    void subscribe(Subscriber subscriber, long jamId, Long lastEventId) {
        long caughtUpTo = 0;
        if (lastEventId != null) {
            subscriber.startAfter(lastEventId);
            if (pruned(lastEventId)) {
                subscriber.refresh();
                return;
            }
            caughtUpTo = catchUp(subscriber, jamId, lastEventId);
            if (caughtUpTo < 0) {
                return;
            }
        }
        synchronized (dispatching) {
            if (lastEventId == null) {
                subscriber.startAfter(dispatchedUpTo);
            } else {
                replay(subscriber, jamId, caughtUpTo, dispatchedUpTo);
            }
            subscribers.add(subscriber);
        }
    }

    /**
     * Writes the Jam's events after {@code after} to the stream, a page at a time, until it has what the dispatcher
     * had handed out when the last page was read. Returns how far it got, or -1 when the stream ended meanwhile.
     */
    private long catchUp(Subscriber subscriber, long jamId, long after) {
        while (true) {
            long upTo = Math.max(after, dispatchedUpTo);
            if (after >= upTo) {
                return after;
            }
            var page = replayPages.after(jamId, after, upTo);
            if (!subscriber.send(page.frames())) {
                return -1;
            }
            after = page.coveredUpTo();
        }
    }

    /**
     * Whether events after the browser's last one are gone from the log: then it must reload. This does not depend
     * on how far this node's dispatcher has got (it may lag behind the log under load).
     */
    private boolean pruned(long lastEventId) {
        Long oldest = oldestId.get();
        return oldest == null ? lastEventId < dispatchedUpTo : oldest > lastEventId + 1;
    }

    /**
     * Offers the Jam's events in (after, upTo] to the stream's queue: what was dispatched while it caught up, usually
     * a few events, read once for all the streams that caught up to the same point ({@link ReplayPages}): after a
     * restart thousands of them arrive here one after another, under the dispatcher's lock. Whether the log still
     * reaches back so far was asked before catching up, and what was dispatched meanwhile is not pruned.
     */
    private void replay(Subscriber subscriber, long jamId, long after, long upTo) {
        while (after < upTo) {
            var page = replayPages.after(jamId, after, upTo);
            page.frames().forEach(subscriber::offer);
            after = page.coveredUpTo();
        }
    }

    void unsubscribe(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    int connected() {
        return subscribers.size();
    }

    /** How many open streams this node holds per place (see {@link Subscriber#place()}). */
    Map<String, Integer> streamsByPlace() {
        var counts = new HashMap<String, Integer>();
        for (Subscriber subscriber : subscribers.all()) {
            if (!subscriber.closed()) {
                counts.merge(subscriber.place(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Tells each stream how many are on its page: when that number changed, or when the stream has not heard it. */
    void tellPresence(Map<String, Integer> here, Set<String> changed) {
        var frames = new HashMap<String, Frame>();
        for (Subscriber subscriber : subscribers.all()) {
            Integer count = here.get(subscriber.place());
            if (count != null && (changed.contains(subscriber.place()) || !subscriber.heardPresence())) {
                subscriber.presence(frames.computeIfAbsent(subscriber.place(), place -> Frame.of(new LiveEvent(0, 0,
                        null, null, LiveEventType.PRESENCE.wireName(), "{\"here\":" + count + "}"))));
            }
        }
    }

    long dispatchedUpTo() {
        return dispatchedUpTo;
    }

    /** Hands out every event committed since the last round, in id order. */
    void dispatch() {
        synchronized (dispatching) {
            // Asked before reading: if every append that could fill the hole has ended, a read made now shows
            // whichever of them committed, and what is still missing was rolled back.
            boolean holeSettled = hole != null && inFlight.settled(hole);
            boolean more = true;
            while (more) {
                var batch = events.after(dispatchedUpTo, BATCH);
                more = batch.size() == BATCH;
                for (LiveEvent event : batch) {
                    if (event.id() != dispatchedUpTo + 1 && !holeSettled) {
                        waitForHole();
                        return;
                    }
                    holeSettled = false; // a later hole needs a mark of its own
                    hole = null;
                    // Encoded once for every stream. The streams that subscribe from here on have it replayed.
                    writers.deliver(Frame.of(event), subscribers.candidates(event), subscribers::remove);
                    dispatchedUpTo = event.id();
                }
            }
        }
    }

    /** Whether a hole is being waited for: the dispatcher then looks again soon rather than at the next poll. */
    boolean waitingForHole() {
        return hole != null;
    }

    private void waitForHole() {
        var now = clock.instant();
        if (hole == null) {
            hole = inFlight.mark(); // taken after the read that showed the hole, so it covers every missing id
            holeSeen = now;
        } else if (now.isAfter(holeSeen.plus(HOLE_WARNING))) {
            log.warn("Live events wait for a transaction that took event id {} and has been open for over {}",
                    dispatchedUpTo + 1, HOLE_WARNING);
            holeSeen = now;
        }
    }

    /**
     * A line on every stream that had nothing to say since the last sweep, carrying the log's position
     * ({@link Subscriber#keepAlive}): a page that closed is noticed at the next failed write, proxies do not take a
     * quiet stream for a dead one, and a page that listens to rare events comes back from a recent point.
     */
    @Scheduled(fixedDelayString = "${incrowd.live.keep-alive-seconds:15}", timeUnit = TimeUnit.SECONDS)
    void keepAlive() {
        writers.sweep(subscribers.all(), Subscriber::keepAlive);
    }

    /** The log keeps {@code incrowd.live.keep-hours}; older reconnects get a refresh instead of a replay. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void prune() {
        int removed = events.deleteBefore(clock.instant().minus(keep));
        if (removed > 0) {
            log.info("Removed {} live events older than {}", removed, keep);
        }
    }

    @Override
    public void start() {
        if (writers.stopped()) { // a node started again after a stop
            writers = StreamWriters.of(writerThreads);
        }
        dispatchedUpTo = settledLatestId();
        running.set(true);
        Thread.ofPlatform().daemon().name("live-dispatch").start(() -> {
            while (running.get()) {
                try {
                    wakeUps.await(waitingForHole() ? HOLE_RECHECK : poll);
                    dispatch();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    log.warn("Live dispatch failed; trying again", e);
                }
            }
        });
    }

    /**
     * Where a starting node's dispatcher begins: the newest id in the log, once every append that may hold an older
     * id has ended. Another node's post may have taken an id below the newest and not yet committed; were the newest
     * taken as handed out at once, browsers coming back to this node would be replayed past that post before it
     * commits, and the dispatcher, already beyond it, would never offer it to them. Usually nothing is open and this
     * returns at once; until it returns the node is not ready, and live streams are asked to come back shortly.
     */
    private long settledLatestId() {
        long latest = events.latestId();
        long mark = inFlight.mark(); // taken after the read: it covers every append holding an id up to `latest`
        var waitingSince = clock.instant();
        while (!inFlight.settled(mark)) {
            if (clock.instant().isAfter(waitingSince.plus(HOLE_WARNING))) {
                log.warn("The live dispatcher waits to start for a transaction open for over {}", HOLE_WARNING);
                waitingSince = clock.instant();
            }
            try {
                Thread.sleep(HOLE_RECHECK);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return latest;
    }

    @Override
    public void stop() {
        running.set(false);
        subscribers.all().forEach(Subscriber::close);
        writers.stop();
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    /** Who has a page open on this node, per place: the number of open streams per person (0: guests). */
    Map<String, Map<Long, Integer>> peopleByPlace() {
        var people = new HashMap<String, Map<Long, Integer>>();
        for (Subscriber subscriber : subscribers.all()) {
            if (!subscriber.closed()) {
                people.computeIfAbsent(subscriber.place(), place -> new HashMap<>())
                        .merge(subscriber.personId(), 1, Integer::sum);
            }
        }
        return people;
    }
}
