package org.incrowd.live.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writing half of the fan-out. Each stream belongs to one of a few writer threads, two per core, and each writer
 * writes the events handed to it in order, to its own streams only: an event's thousands of writes are shared between
 * the cores instead of queueing behind one thread, and a stream still gets its events in order, from one thread.
 *
 * <p>A writer takes every event waiting for it at once and writes each stream's share of them in one write: when
 * events come faster than one fan-out takes, the next round costs one write per stream, not one per stream and event,
 * so a writer that falls behind catches up instead of falling further behind.
 */
final class StreamWriters {

    private static final Logger log = LoggerFactory.getLogger(StreamWriters.class);

    /** What a writer is handed: an event to deliver, or something to do to each of its streams. */
    private sealed interface Work {
    }

    /** One event for the streams among the candidates that want it. */
    private record Delivery(Frame frame, List<Set<Subscriber>> candidates, Consumer<Subscriber> refused)
            implements Work {
    }

    /**
     * Something done to each stream, such as a keep-alive, by the stream's own writer; the action is also given the
     * id of the last event the writer has handed out.
     */
    private record Sweep(Collection<Subscriber> streams, ObjLongConsumer<Subscriber> action) implements Work {
    }

    private final List<LinkedBlockingQueue<Work>> inboxes = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    /** Set before the threads start: each thread tells its own streams by it. */
    private final int count;
    private volatile boolean stopped;

    StreamWriters(int count) {
        this.count = count;
        for (int i = 0; i < count; i++) {
            var inbox = new LinkedBlockingQueue<Work>();
            int writer = i;
            inboxes.add(inbox);
            threads.add(Thread.ofPlatform().daemon().name("live-write-" + i).start(() -> write(writer, inbox)));
        }
    }

    /**
     * {@code count} writers ({@code incrowd.live.writers}), or with 0 two per core: part of each write is the kernel's
     * work on the socket, and two writers per core fanned an event out a third faster than one on the two cores
     * they shared with the benchmark's readers (ADR 50, seventh round).
     */
    static StreamWriters of(int count) {
        return new StreamWriters(count > 0 ? count : 2 * Runtime.getRuntime().availableProcessors());
    }

    /**
     * Hands the frame to every writer, each of which offers it to its own streams among the candidates; a stream
     * that refuses (cut off, or closed) is passed to {@code refused}.
     */
    void deliver(Frame frame, List<Set<Subscriber>> candidates, Consumer<Subscriber> refused) {
        var delivery = new Delivery(frame, candidates, refused);
        inboxes.forEach(inbox -> inbox.add(delivery));
    }

    /**
     * Does {@code action} to each of the streams, each on its own writer's thread: a sweep over thousands of streams
     * is shared between the writers like an event's fan-out, and holds up no request.
     */
    void sweep(Collection<Subscriber> streams, ObjLongConsumer<Subscriber> action) {
        var sweep = new Sweep(streams, action);
        inboxes.forEach(inbox -> inbox.add(sweep));
    }

    private void write(int writer, LinkedBlockingQueue<Work> inbox) {
        var round = new ArrayList<Work>();
        Set<Subscriber> touched = Collections.newSetFromMap(new IdentityHashMap<>());
        long handedOutUpTo = 0; // the id of the last event this writer has offered to its streams
        try {
            while (true) {
                round.add(inbox.take());
                inbox.drainTo(round);
                try {
                    handedOutUpTo = writeRound(writer, round, touched, handedOutUpTo);
                } catch (RuntimeException e) {
                    // A writer that died would leave its streams silent for good. The round's streams are ended
                    // instead: they come back with Last-Event-ID and the log gives them what they missed. Every
                    // stream the round was for, not only those it reached: a later keep-alive would otherwise tell
                    // one it did not reach that it is past the round's events.
                    log.warn("Live writer {} failed a round; its streams reconnect", writer, e);
                    touched.forEach(Subscriber::close);
                    closeStreamsOf(writer, round);
                }
                touched.clear();
                round.clear();
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns the id of the last event handed out after the round. */
    private long writeRound(int writer, List<Work> round, Set<Subscriber> touched, long handedOutUpTo) {
        for (var work : round) {
            if (work instanceof Delivery delivery) {
                queue(writer, delivery, touched);
                handedOutUpTo = Math.max(handedOutUpTo, delivery.frame().id());
            }
        }
        touched.forEach(Subscriber::writeQueued);
        for (var work : round) {
            if (work instanceof Sweep sweep) {
                for (var stream : sweep.streams()) {
                    if (writerOf(stream) == writer) {
                        sweep.action().accept(stream, handedOutUpTo);
                    }
                }
            }
        }
        return handedOutUpTo;
    }

    private void closeStreamsOf(int writer, List<Work> round) {
        for (var work : round) {
            if (work instanceof Delivery delivery) {
                delivery.candidates().forEach(streams -> streams.stream()
                        .filter(stream -> writerOf(stream) == writer).forEach(Subscriber::close));
            }
        }
    }

    /** Queues the event on this writer's streams that want it; they are written once the round's events are in. */
    private void queue(int writer, Delivery delivery, Set<Subscriber> touched) {
        for (var streams : delivery.candidates()) {
            for (Subscriber subscriber : streams) {
                if (writerOf(subscriber) != writer) {
                    continue;
                }
                if (subscriber.queue(delivery.frame())) {
                    touched.add(subscriber);
                } else if (subscriber.closed()) {
                    delivery.refused().accept(subscriber);
                }
            }
        }
    }

    private int writerOf(Subscriber subscriber) {
        return Math.floorMod(System.identityHashCode(subscriber), count);
    }

    void stop() {
        stopped = true;
        threads.forEach(Thread::interrupt);
    }

    boolean stopped() {
        return stopped;
    }
}
