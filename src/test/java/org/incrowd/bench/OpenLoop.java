package org.incrowd.bench;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * Runs an action at a fixed rate, on schedule whatever the answers' speed (an open loop), so that a slow server does
 * not slow the load down; ticks that fell behind are caught up at once.
 */
final class OpenLoop {

    private OpenLoop() {}

    /** Calls {@code action} with tick numbers 0, 1, 2, ... {@code perSecond} times a second while {@code running}. */
    static void atRate(double perSecond, AtomicBoolean running, LongConsumer action) {
        if (perSecond <= 0) {
            return;
        }
        long start = System.nanoTime();
        long done = 0;
        while (running.get()) {
            long due = (long) ((System.nanoTime() - start) / 1e9 * perSecond);
            while (done < due && running.get()) {
                action.accept(done++);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
