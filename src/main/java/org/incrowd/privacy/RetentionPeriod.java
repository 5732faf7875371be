package org.incrowd.privacy;

/** How long one kind of record is kept: {@code days}, or null for "until removed otherwise". */
public record RetentionPeriod(String kind, Integer days) {

    public String messageKey() {
        return messageKey(kind);
    }

    /** The label of a kind of record on the retention page and in a run's summary. */
    public static String messageKey(String kind) {
        return "retention.kind." + kind;
    }

    public static String hintKey(String kind) {
        return messageKey(kind) + ".hint";
    }
}
