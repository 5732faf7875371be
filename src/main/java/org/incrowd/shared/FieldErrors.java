package org.incrowd.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The messages a form shows next to its fields. Collected while checking input so that one submission reports every
 * problem at once, not one per round trip.
 */
public final class FieldErrors {

    private final Map<String, String> messageKeys = new LinkedHashMap<>();
    private final Map<String, Object[]> arguments = new LinkedHashMap<>();

    public static FieldErrors none() {
        return new FieldErrors();
    }

    public FieldErrors add(String field, String messageKey) {
        messageKeys.putIfAbsent(field, messageKey);
        return this;
    }

    /** A message with arguments ("lines {1} are not e-mail addresses"); the first message per field wins. */
    public FieldErrors add(String field, String messageKey, Object... arguments) {
        if (!messageKeys.containsKey(field)) {
            messageKeys.put(field, messageKey);
            this.arguments.put(field, arguments);
        }
        return this;
    }

    public FieldErrors add(Refusal refusal) {
        String field = refusal.field() == null ? "form" : refusal.field();
        add(field, refusal.messageKey());
        arguments.putIfAbsent(field, refusal.arguments());
        return this;
    }

    /** The arguments of the field's message ("at most {0} minutes"), none when it has none. */
    public Object[] argumentsFor(String field) {
        return arguments.getOrDefault(field, new Object[0]);
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
