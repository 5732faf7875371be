package org.incrowd.live.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The writing half of the fan-out. Each stream belongs to one of a few writer threads, one per core, and each writer
 * writes the events handed to it in order, to its own streams only: an event's thousands of writes are shared between
 * the cores instead of queueing behind one thread, and a stream still gets its events in order, from one thread.
 *
 * <p>A writer takes every event waiting for it at once and writes each stream's share of them in one write: when
 * events come faster than one fan-out takes, the next round costs one write per stream, not one per stream and event,
 * so a writer that falls behind catches up instead of falling further behind.
 */
final class StreamWriters {

    /** One event for the streams among the candidates that want it. */
    private record Delivery(Frame frame, List<Set<Subscriber>> candidates, Consumer<Subscriber> refused) {
    }

    private final List<LinkedBlockingQueue<Delivery>> inboxes = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    StreamWriters(int count) {
        for (int i = 0; i < count; i++) {
            var inbox = new LinkedBlockingQueue<Delivery>();
            int writer = i;
            inboxes.add(inbox);
            threads.add(Thread.ofPlatform().daemon().name("live-write-" + i).start(() -> write(writer, inbox)));
        }
    }

    /** One per core, at least two, so that a single core's scheduling does not hold a whole fan-out up. */
    static StreamWriters perCore() {
        return new StreamWriters(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Hands the frame to every writer, each of which offers it to its own streams among the candidates; a stream
     * that refuses (cut off, or closed) is passed to {@code refused}.
     */
    void deliver(Frame frame, List<Set<Subscriber>> candidates, Consumer<Subscriber> refused) {
        var delivery = new Delivery(frame, candidates, refused);
        inboxes.forEach(inbox -> inbox.add(delivery));
    }

    private void write(int writer, LinkedBlockingQueue<Delivery> inbox) {
        var round = new ArrayList<Delivery>();
        Set<Subscriber> touched = Collections.newSetFromMap(new IdentityHashMap<>());
        try {
            while (true) {
                round.add(inbox.take());
                inbox.drainTo(round);
                for (var delivery : round) {
                    for (var streams : delivery.candidates()) {
                        for (Subscriber subscriber : streams) {
                            if (writerOf(subscriber) != writer) {
                                continue;
                            }
                            if (subscriber.queue(delivery.frame())) {
                                touched.add(subscriber);
                            } else {
                                delivery.refused().accept(subscriber);
                            }
                        }
                    }
                }
                touched.forEach(Subscriber::writeQueued);
                touched.clear();
                round.clear();
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private int writerOf(Subscriber subscriber) {
        return Math.floorMod(System.identityHashCode(subscriber), threads.size());
    }

    void stop() {
        threads.forEach(Thread::interrupt);
    }
}
