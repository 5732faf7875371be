package org.incrowd.webhook.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a webhook can report, by the name receivers see in the body's {@code type}. New events (decisions, when the
 * insight module records them) are added here and become choices on the page at once.
 */
public enum WebhookEvent {
    POST_CREATED("post.created"),
    /** A post reached 10, 50, 100 or 500 agree reactions; each milestone once. */
    REACTION_MILESTONE("reaction.milestone"),
    /** The Jam opened, closed or otherwise moved to another phase. */
    JAM_PHASE_CHANGED("jam.phase_changed");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public String messageKey() {
        return "webhook.event." + wireName;
    }

    static Optional<WebhookEvent> ofWireName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }

    /** The stored form: wire names, comma-separated. */
    static String stored(Set<WebhookEvent> events) {
        return events.stream().map(WebhookEvent::wireName).sorted().collect(Collectors.joining(","));
    }

    static Set<WebhookEvent> fromStored(String stored) {
        var events = EnumSet.noneOf(WebhookEvent.class);
        for (String name : stored.split(",")) {
            ofWireName(name.strip()).ifPresent(events::add);
        }
        return events;
    }
}
