package org.incrowd.webhook.internal;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import org.incrowd.shared.Refusal;
import org.incrowd.shared.RetrySchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers waiting webhook deliveries: a 2xx answer within five seconds is delivered, anything else is tried again
 * after the {@link RetrySchedule}'s wait, until it gives up. Each node claims due rows with {@code FOR UPDATE SKIP
 * LOCKED} and moves their next attempt a lease ahead before sending, so no two nodes send the same delivery; a node
 * that dies while sending leaves its claim to expire, and the delivery is sent again with the same id.
 */
@Component
class WebhookSender {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Longer than any send takes (the timeout, twice over, plus the address check). */
    static final Duration LEASE = Duration.ofMinutes(1);
    static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final WebhookAddresses addresses;
    private final RetrySchedule retries;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER) // a redirect could lead inside the network
            .version(HttpClient.Version.HTTP_1_1).build();

    WebhookSender(JdbcClient jdbc, PlatformTransactionManager transactions, WebhookAddresses addresses, Clock clock,
                  @Value("${incrowd.webhooks.retry.first:PT30S}") Duration first,
                  @Value("${incrowd.webhooks.retry.longest:PT6H}") Duration longest,
                  @Value("${incrowd.webhooks.retry.attempts:12}") int attempts) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.addresses = addresses;
        this.clock = clock;
        this.retries = new RetrySchedule(first, longest, attempts);
    }

    private record Due(long id, String event, String body, int attempts, String url, String secret) {
    }

    @Scheduled(fixedDelayString = "${incrowd.webhooks.poll-ms:500}")
    void sendDue() {
        List<Due> claimed = transaction.execute(status -> claim());
        if (claimed == null || claimed.isEmpty()) {
            return;
        }
        // A slow receiver must not hold up the others: one virtual thread per delivery, all done before the next poll.
        try (var sending = Executors.newVirtualThreadPerTaskExecutor()) {
            claimed.forEach(due -> sending.submit(() -> deliver(due)));
        }
    }

    private List<Due> claim() {
        Instant now = clock.instant();
        List<Long> ids = jdbc.sql("""
                select id from webhook_delivery
                where state = 'waiting' and next_attempt_at <= ?
                  and webhook_id in (select id from webhook where enabled = true)
                order by next_attempt_at, id fetch first %d rows only for update skip locked""".formatted(BATCH))
                .param(Timestamp.from(now)).query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql("update webhook_delivery set next_attempt_at = :lease where id in (:ids)")
                .param("lease", Timestamp.from(now.plus(LEASE))).param("ids", ids).update();
        return jdbc.sql("""
                select d.id, d.event, d.body, d.attempts, w.url, w.secret
                from webhook_delivery d join webhook w on w.id = d.webhook_id where d.id in (:ids)""")
                .param("ids", ids)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    void deliver(Due due) {
        try {
            URI target = URI.create(due.url());
            addresses.refusePrivate(target); // resolved afresh: the name may point elsewhere by now
            long timestamp = clock.instant().getEpochSecond();
            var request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Incrowd-Webhooks")
                    .header("X-Incrowd-Event", due.event())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(due.secret(), timestamp, due.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(due.body())).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                delivered(due, status);
            } else {
                failed(due, status, "HTTP " + status);
            }
        } catch (Refusal refused) {
            failed(due, null, "Refused: the address is in a private network");
        } catch (UnknownHostException unknown) {
            failed(due, null, "Host not found: " + unknown.getMessage());
        } catch (HttpTimeoutException slow) {
            failed(due, null, "No answer within " + TIMEOUT.toSeconds() + " seconds");
        } catch (IOException | IllegalArgumentException broken) {
            failed(due, null, "Could not deliver: " + broken);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt(); // shutting down: the claim expires and another attempt follows
        } catch (RuntimeException unexpected) {
            log.warn("Webhook delivery {} failed unexpectedly", due.id(), unexpected);
            failed(due, null, "Could not deliver: " + unexpected);
        }
    }

    private void delivered(Due due, int status) {
        jdbc.sql("""
                update webhook_delivery set state = 'delivered', attempts = ?, last_status = ?, last_error = null,
                                            delivered_at = ?
                where id = ?""").params(due.attempts() + 1, status, Timestamp.from(clock.instant()), due.id())
                .update();
    }

    private void failed(Due due, Integer status, String error) {
        int failed = due.attempts() + 1;
        boolean givenUp = retries.givesUpAfter(failed);
        jdbc.sql("""
                update webhook_delivery set state = ?, attempts = ?, last_status = ?, last_error = ?,
                                            next_attempt_at = ?
                where id = ?""")
                .params(givenUp ? "failed" : "waiting", failed, status,
                        error.length() > 500 ? error.substring(0, 500) : error,
                        Timestamp.from(clock.instant().plus(retries.waitAfter(failed))), due.id())
                .update();
    }
}
