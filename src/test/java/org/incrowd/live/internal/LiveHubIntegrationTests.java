package org.incrowd.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
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
        var hub = new LiveHub(log, wakeUps, inFlight, replayPages, Clock.fixed(Instant.now(), ZoneOffset.UTC), 60_000,
                48, 0);
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

    /**
     * Another node's post took its id but has not committed when this node starts; a later post has. A browser that
     * comes back to the starting node from before both must get both, in order: the starting node must not take the
     * newest id in the log as handed out while an older one may still commit.
     */
    @Test
    void aNodeStartingWhileAnOlderPostIsStillOpenGivesAReturningPageThatPostAndTheNextInOrder() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Starting " + System.nanoTime());
        long lastSeen = log.latestId();
        var appended = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        var late = new CompletableFuture<Void>();
        Thread.ofPlatform().start(() -> {
            transactions.executeWithoutResult(status -> {
                log.append(jam.id(), null, null, LiveEventType.POST, "{\"post\":1}", Instant.now());
                appended.countDown();
                try {
                    commit.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            late.complete(null);
        });
        var hub = new LiveHub(log, wakeUps, inFlight, new ReplayPages(log), Clock.systemUTC(), 50, 48, 0);
        var page = new RecordingOutput();
        var stream = new Subscriber(jam.id(), null, null, 0, page);
        try {
            appended.await();
            log.append(jam.id(), null, null, LiveEventType.POST, "{\"post\":2}", Instant.now());
            // The node starts and the page comes back, while the first post's transaction is still open.
            var back = new CompletableFuture<Void>();
            Thread.ofPlatform().start(() -> {
                hub.start();
                hub.subscribe(stream, jam.id(), lastSeen);
                back.complete(null);
            });
            try {
                back.get(2, TimeUnit.SECONDS);
            } catch (TimeoutException stillStarting) {
                // the node waits for that transaction: also right
            }
            commit.countDown();
            late.get();
            back.get(10, TimeUnit.SECONDS);
            stream.writable(); // live events from here on, as the container calls once the stream has caught up
            assertThat(page.posts(2, Duration.ofSeconds(10))).containsExactly(1L, 2L);
        } finally {
            commit.countDown();
            stream.close();
            hub.stop();
        }
    }

    /** A page's connection that keeps what is written to it, and takes every write at once. */
    static final class RecordingOutput implements StreamOutput {

        private static final Pattern POST = Pattern.compile("\"post\":(\\d+)");
        private final List<Long> posts = new CopyOnWriteArrayList<>();

        @Override
        public boolean write(byte[] bytes) {
            var matcher = POST.matcher(new String(bytes, StandardCharsets.UTF_8));
            while (matcher.find()) {
                posts.add(Long.parseLong(matcher.group(1)));
            }
            return true;
        }

        @Override
        public void end() {
            // nothing to end: the recording stays readable
        }

        /** The posts written so far, once {@code count} have been or the time is up. */
        List<Long> posts(int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (posts.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return List.copyOf(posts);
        }
    }
}
