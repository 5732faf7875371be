package org.incrowd.help;

/**
 * What someone types to ask: their address and name (only when they ask without an account), the topic ({@code
 * "unsure"} or empty: "not sure"), the question in a line and its details.
 */
public record AskForm(String email, String name, String topic, String title, String body, Boolean acceptTerms) {

    public static final String UNSURE = "unsure";

    /** Whether they ticked "I accept these terms" (absent from a form without terms). */
    public boolean acceptsTerms() {
        return Boolean.TRUE.equals(acceptTerms);
    }

    public static AskForm empty() {
        return new AskForm("", "", UNSURE, "", "", false);
    }

    /** The chosen topic's forum id, or null for "not sure" (and for anything that is not a number). */
    public Long topicId() {
        if (topic == null || topic.isBlank() || UNSURE.equals(topic)) {
            return null;
        }
        try {
            return Long.parseLong(topic.strip());
        } catch (NumberFormatException notANumber) {
            return -1L; // no forum has it: refused as an unknown topic
        }
    }
}
