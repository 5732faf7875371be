package org.incrowd.webhook.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a webhook can report. Receivers see it in the body's {@code type} as its name in lower case, the first
 * underscore a dot ({@code POST_CREATED} is {@code post.created}): what it is about, then what happened. New events
 * (decisions, when the insight module records them) are added here and become choices on the page at once.
 */
public enum WebhookEvent {
    POST_CREATED,
    /** A post reached 10, 50, 100 or 500 agree reactions; each milestone once. */
    REACTION_MILESTONE,
    /** The Jam opened, closed or otherwise moved to another phase. */
    JAM_PHASE_CHANGED;

    private final String wireName = name().toLowerCase(java.util.Locale.ROOT).replaceFirst("_", ".");

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
