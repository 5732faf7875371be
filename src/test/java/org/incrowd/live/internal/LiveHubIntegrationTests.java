package org.incrowd.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.incrowd.shared.LiveEventType;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holes in the log's ids: a transaction that took an id and rolled back must not hold up everyone's live pages (that
 * one that commits late is still delivered is in {@code LiveStreamIntegrationTests}).
 */
@IncrowdBrowserTest
class LiveHubIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    LiveLog log;
    @Autowired
    WakeUps wakeUps;
    @Autowired
    AppendsInFlight inFlight;
    @Autowired
    ReplayPages replayPages;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void anIdTakenByARolledBackTransactionHoldsUpTheEventsAfterItNoLongerThanThatTransaction() {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Rollback " + System.nanoTime());
        // A dispatcher whose clock stands still: no amount of waiting would take it past a hole.
        var hub = new LiveHub(log, wakeUps, inFlight, replayPages, Clock.fixed(Instant.now(), ZoneOffset.UTC), 60_000, 48);
        transactions.executeWithoutResult(status -> {
            log.append(jam.id(), null, null, LiveEventType.POST, "{\"post\":1}", Instant.now());
            status.setRollbackOnly();
        });
        log.append(jam.id(), null, null, LiveEventType.POST, "{\"post\":2}", Instant.now());
        long committed = log.latestId();

        // Each hole takes a look to notice it and one to find that no transaction that could fill it is open.
        for (int round = 0; round < 1_000 && hub.dispatchedUpTo() < committed; round++) {
            hub.dispatch();
        }
        assertThat(hub.dispatchedUpTo()).isEqualTo(committed);
    }
}
