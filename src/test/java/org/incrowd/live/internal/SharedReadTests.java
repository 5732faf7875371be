package org.incrowd.live.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Returning streams share reads of the log's oldest id, yet none is answered from before it asked. */
class SharedReadTests {

    @Test
    void aCallerAfterAChangeSeesTheChange() {
        var value = new AtomicInteger(1);
        var read = new SharedRead<>(value::get);

        assertThat(read.get()).isEqualTo(1);
        value.set(2); // another node pruned the log
        assertThat(read.get()).isEqualTo(2);
    }

    @Test
    void thousandsAskingWhileAReadRunsShareTheOneThatBeginsAfterThemAll() throws Exception {
        var reads = new AtomicInteger();
        var firstMayEnd = new CountDownLatch(1);
        var read = new SharedRead<>(() -> {
            int number = reads.incrementAndGet();
            if (number == 1) {
                await(firstMayEnd);
            }
            return number;
        });
        var answers = new ConcurrentLinkedQueue<Integer>();
        var first = Thread.ofPlatform().start(() -> answers.add(read.get()));
        while (reads.get() == 0) {
            Thread.onSpinWait();
        }
        List<Thread> crowd = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            crowd.add(Thread.ofPlatform().start(() -> answers.add(read.get())));
        }
        // Everyone waits (for the first read, or for the one after it) before the first read may end.
        while (!crowd.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING)) {
            Thread.onSpinWait();
        }
        firstMayEnd.countDown();
        first.join();
        for (var thread : crowd) {
            thread.join();
        }

        assertThat(reads.get()).as("one read for the first caller, one for all who came while it ran").isEqualTo(2);
        assertThat(answers).hasSize(51).containsOnly(1, 2).filteredOn(answer -> answer == 2).hasSize(50);
    }

    @Test
    void aFailedReadFailsThoseWhoWaitedForItAndTheNextCallerReadsAgain() {
        var reads = new AtomicInteger();
        var read = new SharedRead<>(() -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("pool exhausted");
            }
            return 7L;
        });

        assertThatThrownBy(read::get).isInstanceOf(IllegalStateException.class).hasMessage("pool exhausted");
        assertThat(read.get()).isEqualTo(7L);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
