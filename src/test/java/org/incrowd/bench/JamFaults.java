package org.incrowd.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * The replay's fault injector: at set moments it kills the application with SIGKILL and starts it again on the same
 * data, or restarts PostgreSQL, and measures the recovery from each fault: until the server is ready, until a page
 * answers again, and until every live reader is connected again. Each fault opens a {@link FaultWindows} window that
 * closes {@link #SETTLE} after the last of those. Faults never overlap: the next waits for the previous recovery.
 */
final class JamFaults {

    /** Time after a recovery before the window closes: the replayed events and retried writes drain meanwhile. */
    static final Duration SETTLE = Duration.ofSeconds(10);
    private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(4);
    private static final int STARTS = 5;

    enum Kind { KILL_APPLICATION, RESTART_POSTGRESQL }

    /** A fault {@code at} this far into the run. */
    record Fault(Duration at, Kind kind) {
    }

    /** What the injector does to the two processes and how it sees the clients, supplied by the benchmark. */
    interface Target {
        void killApplication() throws Exception;

        void startApplication() throws Exception;

        void restartPostgres() throws Exception;

        boolean pageAnswers();

        boolean allReadersConnected();
    }

    private final List<Fault> schedule;
    private final Target target;
    private final FaultWindows windows;
    private final List<Map<String, Object>> recoveries = new CopyOnWriteArrayList<>(); // read after the thread ends
    private volatile String failed;

    JamFaults(List<Fault> schedule, Target target, FaultWindows windows) {
        this.schedule = schedule;
        this.target = target;
        this.windows = windows;
    }

    /**
     * Kills every five minutes in a run of ten minutes or more (none in its last minute), PostgreSQL restarted once
     * between the second and third kill; in a shorter run one kill at a quarter and the restart at two thirds.
     */
    static List<Fault> schedule(int minutes) {
        var faults = new ArrayList<Fault>();
        long seconds = minutes * 60L;
        if (minutes >= 10) {
            for (long at = 300; at < seconds - 60; at += 300) {
                faults.add(new Fault(Duration.ofSeconds(at), Kind.KILL_APPLICATION));
            }
            faults.add(Math.min(2, faults.size()), new Fault(Duration.ofSeconds(seconds > 800 ? 750 : seconds / 2),
                    Kind.RESTART_POSTGRESQL));
        } else {
            faults.add(new Fault(Duration.ofSeconds(seconds / 4), Kind.KILL_APPLICATION));
            faults.add(new Fault(Duration.ofSeconds(seconds * 2 / 3), Kind.RESTART_POSTGRESQL));
        }
        return faults;
    }

    /** Injects the faults on schedule from {@code startNanos}; ends after the last recovery or the first failure. */
    void run(long startNanos) {
        long earliest = startNanos;
        for (var fault : schedule) {
            long due = Math.max(startNanos + fault.at().toNanos(), earliest);
            try {
                sleepUntil(due);
                long recovered = inject(fault, startNanos);
                earliest = recovered + SETTLE.toNanos();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failed = fault.kind() + " at " + fault.at() + ": " + e;
                System.err.println("Fault injection failed: " + failed);
                return;
            }
        }
    }

    List<Map<String, Object>> recoveries() {
        return List.copyOf(recoveries);
    }

    String failed() {
        return failed;
    }

    private long inject(Fault fault, long runStart) throws Exception {
        long t0 = System.nanoTime();
        int window = windows.open(t0);
        System.out.printf("%s at %.0f s...%n", fault.kind(), (t0 - runStart) / 1e9);
        var recovery = new LinkedHashMap<String, Object>();
        recovery.put("kind", fault.kind().name().toLowerCase());
        recovery.put("at_s", Percentiles.round((t0 - runStart) / 1e9));
        recovery.put("recovered_before_the_run_ended", false);
        recovery.put("t0_nanos", t0); // for the first acknowledged write after it, filled in by the benchmark
        recoveries.add(recovery); // now, so that a recovery the end of the run cuts short is reported as far as it got
        if (fault.kind() == Kind.KILL_APPLICATION) {
            target.killApplication();
            recovery.put("failed_starts", startAgain());
            recovery.put("server_ready_s", seconds(t0));
        } else {
            target.restartPostgres();
            recovery.put("postgres_ready_s", seconds(t0));
        }
        long page = await(target::pageAnswers);
        recovery.put("first_page_s", Percentiles.round((page - t0) / 1e9));
        long readers = await(target::allReadersConnected);
        recovery.put("all_readers_back_s", Percentiles.round((readers - t0) / 1e9));
        long recovered = Math.max(page, readers);
        windows.close(window, recovered + SETTLE.toNanos());
        recovery.put("window_s", Percentiles.round((recovered + SETTLE.toNanos() - t0) / 1e9));
        recovery.put("recovered_before_the_run_ended", true);
        System.out.println("Recovered: " + recovery);
        return recovered;
    }

    /**
     * Starts the application again, up to {@link #STARTS} times, as a supervisor would restart a node whose start
     * failed (under the clients' retries a start can fail for want of a database connection); returns the failures.
     */
    private int startAgain() throws Exception {
        for (int failed = 0; ; failed++) {
            try {
                target.startApplication();
                return failed;
            } catch (IllegalStateException e) {
                System.out.println("The start failed (" + e.getMessage() + ")");
                if (failed + 1 >= STARTS) {
                    throw e;
                }
            }
        }
    }

    private static long await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY_LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no recovery within " + RECOVERY_LIMIT);
            }
            Thread.sleep(100);
        }
        return System.nanoTime();
    }

    private static double seconds(long since) {
        return Percentiles.round((System.nanoTime() - since) / 1e9);
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
    }
}
