package org.incrowd.bench;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SMTP server a benchmarked node sends its mail to: GreenMail on a free loopback port in the benchmark's JVM,
 * which counts each message by recipient as it is delivered and empties its one mailbox every second, so the count is
 * exact and memory stays small. A node in production sends to an SMTP server of its organisation; without one it
 * would start its own in its JVM (the demo's, which keeps every message in memory), which is not what is measured.
 */
final class CountingSmtpServer implements AutoCloseable {

    record Outcome(int received, int distinctRecipients, double seconds, boolean complete, String why) {
    }

    private final GreenMail smtp;
    private final Duration sendLimit;
    private final Duration stallLimit;
    private final Map<String, AtomicInteger> byRecipient = new ConcurrentHashMap<>();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicLong lastAt = new AtomicLong(System.nanoTime());
    private final Thread purger;

    /** {@code sendLimit} and {@code stallLimit}: how long {@link #awaitAll} waits in all, and for the next message. */
    CountingSmtpServer(Duration sendLimit, Duration stallLimit) {
        this.sendLimit = sendLimit;
        this.stallLimit = stallLimit;
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        GreenMailUser sink = smtp.setUser("sink@bench.incrowd.example", "sink", "sink-password");
        smtp.getUserManager().setMessageDeliveryHandler((message, address) -> {
            byRecipient.computeIfAbsent(address.getEmail().toLowerCase(), a -> new AtomicInteger())
                    .incrementAndGet();
            received.incrementAndGet();
            lastAt.set(System.nanoTime());
            return sink;
        });
        purger = Thread.ofPlatform().daemon().name("bench-smtp-purge").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(1_000);
                    smtp.purgeEmailFromAllMailboxes();
                } catch (InterruptedException e) {
                    return;
                } catch (Exception ignored) {
                    // a purge racing a delivery is tried again next second
                }
            }
        });
    }

    int port() {
        return smtp.getSmtp().getPort();
    }

    /** The node's options that send its mail here. */
    java.util.List<String> nodeOptions() {
        return java.util.List.of("--incrowd.mail.host=127.0.0.1", "--incrowd.mail.port=" + port());
    }

    /** Messages delivered so far (one per recipient). */
    int received() {
        return received.get();
    }

    /** Waits until {@code expected} recipients have mail, nothing arrives for a while, or the limit passes. */
    Outcome awaitAll(int expected, long startNanos) throws InterruptedException {
        long giveUp = startNanos + sendLimit.toNanos();
        String why = null;
        while (byRecipient.size() < expected) {
            Thread.sleep(200);
            long now = System.nanoTime();
            if (now > giveUp) {
                why = "the limit of " + sendLimit.toMinutes() + " minutes passed";
                break;
            }
            if (now - lastAt.get() > stallLimit.toNanos()) {
                why = "nothing arrived for " + stallLimit.toSeconds() + " s";
                break;
            }
        }
        Thread.sleep(2_000); // duplicates, if any, would arrive right behind
        long last = lastAt.get();
        return new Outcome(received.get(), byRecipient.size(), Math.round((last - startNanos) / 1e8) / 10.0,
                why == null, why);
    }

    @Override
    public void close() {
        purger.interrupt();
        smtp.stop();
    }
}
