package org.incrowd.live.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Pages of the log read for reconnecting streams, shared by every stream that comes back from the same point. After
 * a node restart thousands of browsers reconnect with nearly the same {@code Last-Event-ID}: the first of them reads
 * what was missed, the others (waiting for that one read rather than each starting their own) are given the same
 * page, already encoded ({@link Frame}). Only events the dispatcher had handed out when a page was read are on it,
 * and those no longer change (a missing id among them was rolled back), so a page stays true for as long as it is
 * kept.
 */
@Component
class ReplayPages {

    /** Events read from the log at a time while a reconnecting stream catches up. */
    static final int SIZE = 500;
    /** Pages kept at most; a full one holds {@link #SIZE} small events, so this bounds the memory to a few MB. */
    static final int KEPT = 256;

    /**
     * The Jam's events in (after, {@code coveredUpTo}]: all of them, when fewer than {@link #SIZE}; otherwise the
     * first {@link #SIZE}, and {@code coveredUpTo} is the last one's id.
     */
    record Page(List<Frame> frames, long coveredUpTo) {

        /** Whether this page answers a reader who needs events up to {@code upTo}: it reaches so far, or is full. */
        boolean serves(long upTo) {
            return coveredUpTo >= upTo || frames.size() >= SIZE;
        }
    }

    private record Start(long jamId, long after) {
    }

    private final LiveLog log;
    private final Map<Start, Page> pages = new ConcurrentHashMap<>();

    ReplayPages(LiveLog log) {
        this.log = log;
    }

    /**
     * The page of the Jam's events after {@code after}, reaching at least to {@code upTo} (which the dispatcher must
     * have handed out) or as far as one page goes. Readers asking for the same start wait for one read.
     */
    Page after(long jamId, long after, long upTo) {
        if (pages.size() >= KEPT) {
            pages.clear();
        }
        return pages.compute(new Start(jamId, after), (start, page) -> page != null && page.serves(upTo) ? page
                : read(jamId, after, upTo));
    }

    private Page read(long jamId, long after, long upTo) {
        var events = log.between(jamId, after, upTo, SIZE);
        return new Page(Frame.of(events), events.size() < SIZE ? upTo : events.getLast().id());
    }
}
