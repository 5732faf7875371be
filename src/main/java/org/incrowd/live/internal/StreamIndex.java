package org.incrowd.live.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.incrowd.live.LiveEvent;
import org.incrowd.shared.LiveEventType;

/**
 * This node's open streams, found by what an event is about: its Jam, its thread, the person it is for. The
 * dispatcher offers an event only to the streams that may want it ({@link #candidates}), instead of to every stream
 * of the node; each stream still decides for itself ({@link Subscriber#wants}), so the index only has to be
 * generous, never exact. With thousands of thread pages open, a reply in one thread then reaches that thread's
 * readers and the Jam and forum pages, not ten thousand streams that say no one after another.
 */
final class StreamIndex {

    /** One Jam's streams: those of the Jam's and forums' pages, and those of each thread page. */
    private record JamStreams(Set<Subscriber> pages, Map<Long, Set<Subscriber>> threads) {

        JamStreams() {
            this(ConcurrentHashMap.newKeySet(), new ConcurrentHashMap<>());
        }

        boolean isEmpty() {
            return pages.isEmpty() && threads.isEmpty();
        }
    }

    private final Set<Subscriber> all = ConcurrentHashMap.newKeySet();
    private final Map<Long, JamStreams> byJam = new ConcurrentHashMap<>();
    /** By the payload of events meant for one person ({@link Subscriber#personalPayload}). */
    private final Map<String, Set<Subscriber>> byPerson = new ConcurrentHashMap<>();

    void add(Subscriber subscriber) {
        if (!all.add(subscriber)) {
            return;
        }
        byJam.compute(subscriber.jamId(), (jam, streams) -> {
            var found = streams == null ? new JamStreams() : streams;
            if (subscriber.threadId() == null) {
                found.pages().add(subscriber);
            } else {
                found.threads().computeIfAbsent(subscriber.threadId(), thread -> ConcurrentHashMap.newKeySet())
                        .add(subscriber);
            }
            return found;
        });
        // Added inside compute: a set taken out first could be dropped from the map (its last stream removed) before
        // this stream is added to it, and the stream would never hear its person's events.
        byPerson.compute(Subscriber.personalPayload(subscriber.personId()), (person, streams) -> {
            var found = streams == null ? ConcurrentHashMap.<Subscriber>newKeySet() : streams;
            found.add(subscriber);
            return found;
        });
    }

    void remove(Subscriber subscriber) {
        if (!all.remove(subscriber)) {
            return;
        }
        byJam.computeIfPresent(subscriber.jamId(), (jam, streams) -> {
            if (subscriber.threadId() == null) {
                streams.pages().remove(subscriber);
            } else {
                streams.threads().computeIfPresent(subscriber.threadId(), (thread, set) -> {
                    set.remove(subscriber);
                    return set.isEmpty() ? null : set;
                });
            }
            return streams.isEmpty() ? null : streams;
        });
        byPerson.computeIfPresent(Subscriber.personalPayload(subscriber.personId()), (person, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    Set<Subscriber> all() {
        return all;
    }

    int size() {
        return all.size();
    }

    /**
     * The streams that may want the event: a person's own event goes to that person's streams; a thread's event to
     * the Jam's and forums' pages and that thread's pages; anything else to every stream of its Jam.
     */
    List<Set<Subscriber>> candidates(LiveEvent event) {
        boolean notification = LiveEventType.NOTIFICATION.wireName().equals(event.type());
        if (notification && !Subscriber.EVERY_MEMBER.equals(event.payload())
                || LiveEventType.REMOVED.wireName().equals(event.type())) {
            var mine = byPerson.get(event.payload());
            return mine == null ? List.of() : List.of(mine);
        }
        var jam = byJam.get(event.jamId());
        if (jam == null) {
            return List.of();
        }
        if (event.threadId() != null && !notification) {
            var thread = jam.threads().get(event.threadId());
            return thread == null ? List.of(jam.pages()) : List.of(jam.pages(), thread);
        }
        var every = new ArrayList<Set<Subscriber>>(jam.threads().size() + 1);
        every.add(jam.pages());
        every.addAll(jam.threads().values());
        return every;
    }
}
