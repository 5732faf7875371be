package org.incrowd.webhook.internal;

import java.util.List;
import java.util.Set;
import org.incrowd.jam.Jam;
import org.incrowd.shared.FieldErrors;

/**
 * A Jam's webhooks page: the registered webhooks, the form that registers another (kept as typed when refused), and
 * the secret of the one just registered, shown this once.
 */
public record WebhooksPage(Jam jam, List<Webhook> webhooks, String name, String url, Set<WebhookEvent> events,
                           FieldErrors errors, String newSecret, Webhook registered, String notice) {

    public List<WebhookEvent> choices() {
        return List.of(WebhookEvent.values());
    }
}
