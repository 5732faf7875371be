package org.incrowd.live.internal;

import java.time.Instant;
import org.incrowd.shared.RetainedRecords;
import org.springframework.stereotype.Component;

/**
 * The live event log's retention period set by administrators. The hub also prunes it every hour after
 * {@code incrowd.live.keep-hours} (replays need no more); this is the outer bound an organisation promises.
 */
@Component
class LiveLogRetention implements RetainedRecords {

    private final LiveLog log;

    LiveLogRetention(LiveLog log) {
        this.log = log;
    }

    @Override
    public String kind() {
        return "live-events";
    }

    @Override
    public int removeOlderThan(Instant cutoff) {
        return log.deleteBefore(cutoff);
    }
}
