package org.incrowd.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.function.Supplier;
import org.incrowd.shared.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How much searching one person may do: at most {@code incrowd.search.per-person.at-once} (2) searches at the same
 * time and {@code incrowd.search.per-person.per-minute} (60) a minute. Searches share the node's cores with every
 * page; one person running eight costly searches at once slowed everyone's pages from 18 ms to 2.6 s. A person who
 * goes beyond is answered 429 with how long to wait, and loses nothing: the search form keeps its words.
 */
@Component
class SearchAllowance {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int atOnce;
    private final int perMinute;
    private final Clock clock;
    /** Per person; forgotten a minute after their last search, so the map holds only the recently active. */
    private final Cache<Long, Use> uses = Caffeine.newBuilder().expireAfterAccess(WINDOW).maximumSize(1_000_000)
            .build();

    SearchAllowance(@Value("${incrowd.search.per-person.at-once:2}") int atOnce,
                    @Value("${incrowd.search.per-person.per-minute:60}") int perMinute, Clock clock) {
        this.atOnce = atOnce;
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Runs the person's search if their allowance has room, else refuses it saying how long to wait. */
    <T> T run(long personId, Supplier<T> search) {
        Use use = uses.get(personId, id -> new Use());
        use.begin(clock.instant());
        try {
            return search.get();
        } finally {
            use.end();
        }
    }

    /** One person's searches: how many run now, and when those of the last minute began. */
    private final class Use {

        private final ArrayDeque<Instant> started = new ArrayDeque<>();
        private int running;

        synchronized void begin(Instant now) {
            while (!started.isEmpty() && !started.peekFirst().isAfter(now.minus(WINDOW))) {
                started.pollFirst();
            }
            if (running >= atOnce) {
                throw Refusal.tooMany("search.tooFast.atOnce", atOnce);
            }
            if (started.size() >= perMinute) {
                long wait = Math.max(1, Duration.between(now, started.peekFirst().plus(WINDOW)).toSeconds());
                throw Refusal.tooMany("search.tooFast", perMinute, wait);
            }
            started.addLast(now);
            running++;
        }

        synchronized void end() {
            running--;
        }
    }
}
