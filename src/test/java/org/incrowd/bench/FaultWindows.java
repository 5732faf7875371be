package org.incrowd.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The stretches of a run during which a fault and the recovery from it were under way: from the moment the fault was
 * injected until the server answered pages again and every live reader was back, plus a settling margin. Latency
 * percentiles are taken outside them; errors are counted inside and outside separately.
 */
final class FaultWindows {

    /** From {@code startNanos} to {@code endNanos} (System.nanoTime); an open window ends at Long.MAX_VALUE. */
    record Window(long startNanos, long endNanos) {
    }

    private final List<Window> windows = new CopyOnWriteArrayList<>();

    /** Opens a window now and returns its index, to be closed by {@link #close}. */
    int open(long startNanos) {
        windows.add(new Window(startNanos, Long.MAX_VALUE));
        return windows.size() - 1;
    }

    void close(int index, long endNanos) {
        windows.set(index, new Window(windows.get(index).startNanos(), endNanos));
    }

    boolean contains(long nanos) {
        for (var window : windows) {
            if (nanos >= window.startNanos() && nanos < window.endNanos()) {
                return true;
            }
        }
        return false;
    }

    /** Whether anything between {@code from} and {@code to} fell into a window. */
    boolean overlaps(long from, long to) {
        for (var window : windows) {
            if (from < window.endNanos() && to >= window.startNanos()) {
                return true;
            }
        }
        return false;
    }
}
