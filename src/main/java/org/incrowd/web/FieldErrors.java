package org.incrowd.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The messages a form shows next to its fields. Collected while checking input so that one submission reports every
 * problem at once, not one per round trip.
 */
public final class FieldErrors {

    private final Map<String, String> messageKeys = new LinkedHashMap<>();

    public static FieldErrors none() {
        return new FieldErrors();
    }

    public FieldErrors add(String field, String messageKey) {
        messageKeys.putIfAbsent(field, messageKey);
        return this;
    }

    public FieldErrors add(Refusal refusal) {
        return add(refusal.field() == null ? "form" : refusal.field(), refusal.messageKey());
    }

    public boolean isEmpty() {
        return messageKeys.isEmpty();
    }

    public boolean has(String field) {
        return messageKeys.containsKey(field);
    }

    public String keyFor(String field) {
        return messageKeys.get(field);
    }

    public Map<String, String> asMap() {
        return Map.copyOf(messageKeys);
    }

    String firstField() {
        return messageKeys.keySet().iterator().next();
    }

    String firstKey() {
        return messageKeys.values().iterator().next();
    }

    /** Refuses when any problem was found; the API reports the first, forms show each beside its field. */
    public void throwIfAny() {
        if (!isEmpty()) {
            throw Refusal.invalid(this);
        }
    }
}
