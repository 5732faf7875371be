package org.incrowd.mail.internal;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.incrowd.mail.MailEvents.MailBounced;
import org.incrowd.mail.MailEvents.MailSent;
import org.incrowd.mail.internal.OutboxRows.Claimed;
import org.incrowd.shared.RetrySchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The background sender: takes due messages from the outbox in batches ({@link OutboxRows#claim}), writes them, hands
 * them to SMTP over a few connections at once, and records each outcome with its event. It wakes every
 * {@code incrowd.mail.poll} and at once after a transaction that recorded mail commits; while batches come full, it
 * takes the next without waiting.
 *
 * <p>At least once, never lost: a message is marked sent only after the server took it. A node that dies between
 * those two moments leaves the message claimed; when the claim runs out another node sends it again, with the same
 * Message-ID (ADR 0021).
 */
@Component
public class MailSender implements SmartLifecycle {

    /** Messages that share one connection before a batch opens another (see {@link #connectionsFor}). */
    static final int MESSAGES_PER_CONNECTION = 50;

    private static final Logger log = LoggerFactory.getLogger(MailSender.class);

    private final OutboxRows rows;
    private final MessageWriter writer;
    private final SmtpDelivery smtp;
    private final MailSettings settings;
    private final RetrySchedule retries;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private ExecutorService connections;

    MailSender(OutboxRows rows, MessageWriter writer, SmtpDelivery smtp, MailSettings settings,
               TransactionTemplate transaction, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.writer = writer;
        this.smtp = smtp;
        this.settings = settings;
        this.retries = settings.retry().schedule();
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    /** Look at the outbox now (mail was just committed). */
    public void wake() {
        wakeUp.release();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        connections = Executors.newVirtualThreadPerTaskExecutor();
        thread = Thread.ofPlatform().daemon().name("mail-sender").start(this::run);
    }

    /** Finishes the batch in hand (its messages are recorded), then stops. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wakeUp.release();
        try {
            thread.join(settings.timeout().multipliedBy(3).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            boolean more;
            try {
                more = sendOneBatch();
            } catch (RuntimeException failed) {
                // The database is away, say: the messages stay in the outbox; look again after the pause.
                log.warn("Mail sender could not work through the outbox: {}", failed.toString());
                more = false;
            }
            if (!more) {
                pause();
            }
        }
    }

    private void pause() {
        try {
            wakeUp.tryAcquire(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
            wakeUp.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Sends one batch; true when it was full and the server answered, so that more may be due at once. */
    boolean sendOneBatch() {
        Instant claimedAt = clock.instant();
        List<Claimed> batch = rows.claim(settings.batch(), claimedAt.plus(settings.lease()));
        if (batch.isEmpty()) {
            return false;
        }
        // Half the lease for sending: the other half is the margin before another node may take them.
        Instant giveBackAt = claimedAt.plus(settings.lease().dividedBy(2));
        List<Future<List<Outcome>>> shares = new ArrayList<>();
        List<List<Claimed>> split = split(batch, connectionsFor(batch.size()));
        for (List<Claimed> share : split) {
            shares.add(connections.submit(() -> deliver(share, giveBackAt)));
        }
        var outcomes = new ArrayList<Outcome>(batch.size());
        var ordered = new ArrayList<Claimed>(batch.size());
        for (int i = 0; i < shares.size(); i++) {
            outcomes.addAll(outcomeOf(shares.get(i), split.get(i).size()));
            ordered.addAll(split.get(i));
        }
        record(ordered, outcomes);
        // A server that is away answers the next batch no better: wait for the poll instead of running through
        // the whole outbox, one failed connection per batch.
        boolean serverAnswered = outcomes.stream().anyMatch(outcome -> !(outcome instanceof Outcome.TryAgain));
        return batch.size() == settings.batch() && serverAnswered;
    }

    private List<Outcome> deliver(List<Claimed> share, Instant giveBackAt) {
        var outcomes = new Outcome[share.size()];
        var writable = new ArrayList<MimeMessage>(share.size());
        var positions = new ArrayList<Integer>(share.size());
        for (int i = 0; i < share.size(); i++) {
            try {
                writable.add(writer.write(share.get(i).mail(), smtp));
                positions.add(i);
            } catch (MessageWriter.Unwritable unwritable) {
                outcomes[i] = new Outcome.Failed(unwritable.getMessage());
            }
        }
        List<Outcome> delivered = smtp.deliver(writable, giveBackAt);
        for (int i = 0; i < positions.size(); i++) {
            outcomes[positions.get(i)] = delivered.get(i);
        }
        return List.of(outcomes);
    }

    private static List<Outcome> outcomeOf(Future<List<Outcome>> share, int size) {
        try {
            return share.get();
        } catch (ExecutionException failed) {
            // A programming error in one share: its messages are tried again, the others are recorded.
            log.error("Mail sender share failed", failed.getCause());
            return java.util.Collections.nCopies(size, new Outcome.TryAgain(String.valueOf(failed.getCause())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Collections.nCopies(size, new Outcome.TryAgain("interrupted"));
        }
    }

    private void record(List<Claimed> batch, List<Outcome> outcomes) {
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            var sent = new ArrayList<Long>();
            for (int i = 0; i < batch.size(); i++) {
                Claimed claimed = batch.get(i);
                var mail = claimed.mail();
                switch (outcomes.get(i)) {
                    case Outcome.Sent ignored -> {
                        sent.add(claimed.id());
                        events.publishEvent(new MailSent(mail.key(), mail.kind(), mail.to(), mail.personId()));
                    }
                    case Outcome.Bounced bounced -> {
                        rows.end(claimed.id(), "bounced", bounced.reason());
                        events.publishEvent(new MailBounced(mail.key(), mail.kind(), mail.to(), mail.personId()));
                    }
                    case Outcome.Failed failed -> rows.end(claimed.id(), "failed", failed.reason());
                    case Outcome.TryAgain again -> {
                        int failedAttempts = claimed.attempts() + 1;
                        if (retries.givesUpAfter(failedAttempts)) {
                            rows.end(claimed.id(), "failed", "gave up after " + failedAttempts + " attempts: "
                                    + again.reason());
                        } else {
                            rows.tryAgain(claimed.id(), again.reason(), now.plus(retries.waitAfter(failedAttempts)));
                        }
                    }
                }
            }
            rows.sent(sent);
        });
    }

    /**
     * How many connections a batch is sent over: up to {@code incrowd.mail.threads}, but one per
     * {@link #MESSAGES_PER_CONNECTION} messages. Opening a connection (TCP, the greeting, usually TLS) costs as much as
     * sending many short messages; spread over several connections, a few notifications a poll each opened one of their
     * own.
     */
    int connectionsFor(int messages) {
        int needed = (messages + MESSAGES_PER_CONNECTION - 1) / MESSAGES_PER_CONNECTION;
        return Math.max(1, Math.min(settings.threads(), needed));
    }

    private static <T> List<List<T>> split(List<T> items, int parts) {
        int size = (items.size() + parts - 1) / parts;
        var split = new ArrayList<List<T>>();
        for (int from = 0; from < items.size(); from += size) {
            split.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return split;
    }
}
