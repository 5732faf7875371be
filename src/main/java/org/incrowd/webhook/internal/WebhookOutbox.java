package org.incrowd.webhook.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an event's deliveries, one per enabled webhook of the Jam that reports it, in the caller's transaction: the
 * change and its deliveries are committed together or not at all.
 */
@Component
class WebhookOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookRows rows;
    private final Clock clock;

    WebhookOutbox(WebhookRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /**
     * @param cause names what happened among the events of its kind (a post's id); the same cause is delivered
     *              once per webhook however often it is reported
     * @param data  the event's own facts, under {@code data} in the body
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void record(long jamId, WebhookEvent event, String cause, Map<String, Object> data) {
        Instant now = clock.instant();
        for (Webhook webhook : rows.enabledOfJam(jamId)) {
            if (webhook.reports(event)) {
                rows.enqueue(webhook.id(), event.wireName() + ":" + cause, event, body(event, jamId, now, data), now);
            }
        }
    }

    /** Whether any enabled webhook of the Jam reports the event: spares working out events nobody asked for. */
    boolean anyReports(long jamId, WebhookEvent event) {
        return rows.enabledOfJam(jamId).stream().anyMatch(webhook -> webhook.reports(event));
    }

    /** The body receivers get; its {@code id} stays the same on every retry, so they can ignore a repeat. */
    static String body(WebhookEvent event, long jamId, Instant now, Map<String, Object> data) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", UUID.randomUUID().toString());
        body.put("type", event.wireName());
        body.put("occurredAt", now.toString());
        body.put("jamId", jamId);
        body.put("data", data);
        return JSON.writeValueAsString(body);
    }
}
