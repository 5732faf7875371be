package org.incrowd.webhook.internal;

import java.time.Instant;

/** One delivery and what became of it so far, as the webhook's page lists it. */
public record Delivery(long id, String event, State state, int attempts, Integer lastStatus, String lastError,
                Instant nextAttemptAt, Instant createdAt, Instant deliveredAt) {

    public enum State {
        /** Not delivered yet; tried again at {@code nextAttemptAt}. */
        WAITING,
        DELIVERED,
        /** Given up after the last attempt the retry schedule allows. */
        FAILED;

        public String messageKey() {
            return "webhook.delivery.state." + name();
        }

        static State stored(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }

        String stored() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
