package org.incrowd.privacy;

/** How long one kind of record is kept: {@code days}, or null for "until removed otherwise". */
public record RetentionPeriod(String kind, Integer days) {

    public String messageKey() {
        return "retention.kind." + kind;
    }
}
