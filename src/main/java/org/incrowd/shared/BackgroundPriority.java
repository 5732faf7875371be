package org.incrowd.shared;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background work (a node catching up on sentence vectors, the search index's merges) at the operating system's lowest
 * scheduling priority: whenever a request and background work both want a core, the request gets it, and the
 * background work still uses every core that requests leave idle. A share of the time measured by the work itself
 * cannot do both: it slows pages when the node is busy and idles when it is not (ADR 59).
 * <p>
 * Java's own thread priorities mean nothing to Linux unless the JVM runs with privileges. Linux keeps a nice value per
 * thread, which a thread may raise (never lower) without privileges: {@code setpriority(PRIO_PROCESS, thread id, 19)},
 * called through JNA (the JDK's own foreign function API is a preview in Java 21, which Incrowd still runs on).
 * Elsewhere (where the same call would lower the whole process) the thread keeps its priority, and {@link #available()}
 * says so.
 */
public final class BackgroundPriority {

    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
    /** The lowest priority a thread can take: about 1.5 % of a core's time against a thread of the default, 0. */
    public static final int NICE = 19;
    private static final int PRIO_PROCESS = 0;
    private static final CLibrary CALLS = CLibrary.find();

    private BackgroundPriority() {}

    /** Whether threads can be lowered here (Linux, with the C library's gettid and setpriority). */
    public static boolean available() {
        return CALLS != null;
    }

    /** Lowers the calling thread, for good (it cannot be raised again without privileges); false where it cannot. */
    public static boolean lowerCurrentThread() {
        if (CALLS == null) {
            return false;
        }
        try {
            boolean lowered = CALLS.lowerCallingThread();
            if (!lowered) {
                log.warn("Could not lower the priority of thread {}: setpriority refused",
                        Thread.currentThread().getName());
            }
            return lowered;
        } catch (Throwable e) {
            log.warn("Could not lower the priority of thread {} ({})", Thread.currentThread().getName(), e.toString());
            return false;
        }
    }

    /** Daemon platform threads named {@code prefix1, prefix2, ...} that lower themselves before any work. */
    public static ThreadFactory threads(String prefix) {
        var count = new AtomicInteger();
        return task -> Thread.ofPlatform().daemon().name(prefix + count.incrementAndGet()).unstarted(() -> {
            lowerCurrentThread();
            task.run();
        });
    }

    /** The two calls of the C library, where they exist. */
    interface CLibrary extends Library {

        int gettid();

        int setpriority(int which, int who, int prio);

        default boolean lowerCallingThread() {
            return setpriority(PRIO_PROCESS, gettid(), NICE) == 0;
        }

        static CLibrary find() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
                return null;
            }
            try {
                var c = Native.load("c", CLibrary.class);
                // Tried once on a thread of its own, which ends lowered: where the call is refused (a seccomp
                // filter), background work keeps the fallback of one thread instead of one per core.
                var lowered = new boolean[1];
                var probe = new Thread(() -> lowered[0] = c.lowerCallingThread());
                probe.start();
                probe.join();
                return lowered[0] ? c : null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (RuntimeException | LinkageError e) {
                log.info("Background threads keep the default priority: {}", e.toString());
                return null;
            }
        }
    }
}
