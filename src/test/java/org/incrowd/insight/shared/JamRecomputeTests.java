package org.incrowd.insight.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.incrowd.shared.SettingRejected;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An organiser's "recompute now" and the scheduled pass share one node: they must never run at once, even though the
 * node holds the Jam's lease for both. Whichever comes second steps back, and nothing is lost: the Jam it skipped is
 * recomputed by the next pass. A Jam whose recompute took long waits for its share of the time before the passes
 * recompute it again; a quick one does not, and the organiser never waits.
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

    /**
     * Records every recompute; a recompute of {@link #held} waits until the test lets it go. Time is the test's: a
     * recompute of a Jam in {@link #takes} moves it on by that long, and the test moves it on between passes.
     */
    static final class Recorder extends JamRecompute {
        final AtomicLong now;
        final Map<Long, Duration> takes = new ConcurrentHashMap<>();
        final List<Long> recomputed = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile long held = -1;

        Recorder() {
            this(0.1, new AtomicLong());
        }

        Recorder(double share, AtomicLong now) {
            super("test", new OneNodeLeases(), Duration.ofMinutes(1), null, jamId -> false, share, now::get);
            this.now = now;
        }

        void waitFor(Duration duration) {
            now.addAndGet(duration.toNanos());
        }

        @Override
        protected void recomputeNow(long jamId) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                recomputed.add(jamId);
                waitFor(takes.getOrDefault(jamId, Duration.ZERO));
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

    /** The debounce the themes use by default: the time between two passes. */
    static final Duration DEBOUNCE = Duration.ofSeconds(20);

    @Test
    void aJamWhoseRecomputeTookLongIsNotRecomputedAgainBeforeItsWait() {
        recorder.takes.put(1L, Duration.ofSeconds(6));
        recorder.changed(1);
        recorder.pass();
        for (int pass = 1; pass <= 2; pass++) { // 26 s and 46 s after the 6 s recompute started
            recorder.changed(1);
            recorder.waitFor(DEBOUNCE);
            recorder.pass();
            assertThat(recorder.recomputed).as("pass %d: 6 s of a tenth of the time is one recompute a minute", pass)
                    .containsExactly(1L);
        }
        recorder.waitFor(Duration.ofSeconds(14)); // 60 s after it started
        recorder.pass();
        assertThat(recorder.recomputed).as("the Jam stayed marked and comes up once its wait is over")
                .containsExactly(1L, 1L);
    }

    @Test
    void aQuickRecomputeComesAtEveryPassAndASlowJamHoldsNoOtherBack() {
        recorder.takes.put(1L, Duration.ofSeconds(1));
        recorder.takes.put(2L, Duration.ofSeconds(10));
        recorder.changed(1);
        recorder.changed(2);
        recorder.pass();
        recorder.changed(1);
        recorder.changed(2);
        recorder.waitFor(DEBOUNCE);
        recorder.pass();
        assertThat(recorder.recomputed).as("the quick Jam at the debounce, the slow one not yet")
                .containsExactlyInAnyOrder(1L, 2L, 1L);
    }

    @Test
    void recomputeNowIsImmediateEvenRightAfterASlowRecompute() {
        recorder.takes.put(1L, Duration.ofSeconds(6));
        recorder.changed(1);
        recorder.pass();

        assertThat(recorder.recompute(1)).as("the organiser's recompute runs").isTrue();
        assertThat(recorder.recomputed).containsExactly(1L, 1L);
    }

    @Test
    void aShareThatCannotBeKeptIsRefusedAtStart() {
        for (double share : new double[] {0, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> new Recorder(share, new AtomicLong())).as("share %s", share)
                    .isInstanceOf(SettingRejected.class).hasMessageContaining("incrowd.test.recompute-share");
        }
    }
}
