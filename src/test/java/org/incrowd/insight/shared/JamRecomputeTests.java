package org.incrowd.insight.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An organiser's "recompute now" and the scheduled pass share one node: they must never run at once, even though the
 * node holds the Jam's lease for both. Whichever comes second steps back, and nothing is lost: the Jam it skipped is
 * recomputed by the next pass.
 */
class JamRecomputeTests {

    /** Leases as one node sees them: a lease it holds is its own again (the database rule, without a database). */
    static final class OneNodeLeases extends Leases {
        OneNodeLeases() {
            super(null, Clock.systemUTC());
        }

        @Override
        public boolean acquire(String name, Duration duration) {
            return true;
        }

        @Override
        public void release(String name) {
        }
    }

    /** Records every recompute; a recompute of {@link #held} waits until the test lets it go. */
    static final class Recorder extends JamRecompute {
        final List<Long> recomputed = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile long held = -1;

        Recorder() {
            super("test", new OneNodeLeases(), Duration.ofMinutes(1), null, jamId -> false);
        }

        @Override
        protected void recomputeNow(long jamId) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                recomputed.add(jamId);
                if (jamId == held) {
                    started.countDown();
                    release.await(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        }
    }

    final Recorder recorder = new Recorder();
    Thread background;

    /** Starts {@code work} on another thread and returns once it is inside the recompute of {@code jamId}. */
    void holdWhile(long jamId, Runnable work) throws InterruptedException {
        recorder.held = jamId;
        background = Thread.ofPlatform().start(work);
        assertThat(recorder.started.await(10, TimeUnit.SECONDS)).as("the first recompute started").isTrue();
    }

    @AfterEach
    void letGo() throws InterruptedException {
        recorder.release.countDown();
        if (background != null) {
            background.join(10_000);
        }
    }

    @Test
    void recomputeNowIsRefusedAsBusyWhileThePassRunsAndTheNextPassCatchesUp() throws InterruptedException {
        recorder.changed(1);
        holdWhile(1, recorder::pass);

        assertThat(recorder.recompute(1)).as("this node is busy with the Jam").isFalse();
        assertThat(recorder.recomputed).as("no second run beside the pass").containsExactly(1L);

        letGo();
        recorder.held = -1;
        recorder.pass();
        assertThat(recorder.recomputed).as("the refused Jam is brought up to date").containsExactly(1L, 1L);
        assertThat(recorder.mostAtOnce).hasValue(1);
    }

    @Test
    void thePassWaitsWhileRecomputeNowRunsAndLosesNoJam() throws InterruptedException {
        recorder.changed(2);
        holdWhile(1, () -> recorder.recompute(1));

        recorder.pass();
        assertThat(recorder.recomputed).as("the pass stepped back").containsExactly(1L);

        letGo();
        recorder.pass();
        assertThat(recorder.recomputed).as("the next pass recomputes the changed Jam").containsExactly(1L, 2L);
        assertThat(recorder.mostAtOnce).hasValue(1);
    }
}
