package org.incrowd.live.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.incrowd.shared.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many live streams this node holds open, per person, per network address and in all. Every stream holds a
 * connection and a file for as long as its page is open, so one account opening thousands of them could use up the
 * process's open files and leave everyone's page requests waiting. A browser needs one stream per open page (a few
 * tabs), and a page left behind keeps counting until a write to it fails (up to about 30 s), so someone clicking
 * quickly through pages holds a few more. Beyond the limits a stream is refused with 429 and a message saying why,
 * and the global ceiling stays below the server's connection limit (`server.jetty.max-connections`) so that pages are still served when every stream is
 * taken.
 *
 * <p>The per-address limit is generous because an organisation's people often share one address (a proxy or NAT);
 * behind a reverse proxy set {@code server.forward-headers-strategy} so that the address is the client's. Limits
 * are per node.
 */
@Component
class StreamLimits {

    /** One open stream, counted until {@link #release()} (called once the stream has ended; harmless twice). */
    interface Permit {
        void release();
    }

    private final int perPerson;
    private final int perAddress;
    private final int total;
    private final Map<Long, Integer> byPerson = new ConcurrentHashMap<>();
    private final Map<String, Integer> byAddress = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    StreamLimits(@Value("${incrowd.live.streams-per-person:32}") int perPerson,
                 @Value("${incrowd.live.streams-per-address:5000}") int perAddress,
                 @Value("${incrowd.live.max-streams:15000}") int total) {
        this.perPerson = perPerson;
        this.perAddress = perAddress;
        this.total = total;
    }

    /** Counts a new stream of this person from this address, or refuses it with 429 and the limit it hit. */
    Permit open(long personId, String address) {
        if (open.getAndUpdate(count -> Math.min(count + 1, total)) >= total) {
            throw Refusal.tooMany("live.streams.busy");
        }
        if (!take(byPerson, personId, perPerson)) {
            open.decrementAndGet();
            throw Refusal.tooMany("live.streams.perPerson", perPerson);
        }
        if (!take(byAddress, address, perAddress)) {
            open.decrementAndGet();
            give(byPerson, personId);
            throw Refusal.tooMany("live.streams.perAddress");
        }
        var released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                open.decrementAndGet();
                give(byPerson, personId);
                give(byAddress, address);
            }
        };
    }

    /** Adds one to the key's count unless it has reached the limit; atomic per key. */
    private static <K> boolean take(Map<K, Integer> counts, K key, int limit) {
        var taken = new AtomicBoolean();
        counts.compute(key, (k, count) -> {
            int current = count == null ? 0 : count;
            if (current >= limit) {
                return count;
            }
            taken.set(true);
            return current + 1;
        });
        return taken.get();
    }

    /** Takes one off; a key whose count reaches zero is forgotten, so the maps hold only open streams. */
    private static <K> void give(Map<K, Integer> counts, K key) {
        counts.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
    }
}
