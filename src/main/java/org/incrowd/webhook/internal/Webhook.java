package org.incrowd.webhook.internal;

import java.time.Instant;
import java.util.Set;

/** A registered webhook as its page shows it (the secret is never part of it). */
public record Webhook(long id, long jamId, String name, String url, Set<WebhookEvent> events, boolean enabled,
               Instant createdAt) {

    public boolean reports(WebhookEvent event) {
        return events.contains(event);
    }
}
