package org.incrowd.facilitation.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.incrowd.shared.Refusal;

/** What facilitators and participants may write here, checked in one place so every form explains it alike. */
final class FacilitationRules {

    static final int MAX_DETAIL = 500;
    static final int MAX_ANNOUNCEMENT = 1000;
    static final int MAX_NOTE = 4000;
    static final int MAX_LABEL = 100;
    /** A guest answers for hours, not days: longer slots are almost always a typing mistake. */
    static final Duration MAX_GUEST_SLOT = Duration.ofHours(24);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

    private FacilitationRules() {
    }

    /** Text without control characters, not blank when required, at most {@code max} characters. */
    static String text(String field, String value, int max, boolean required) {
        String clean = value == null ? "" : CONTROL.matcher(value).replaceAll("").strip();
        if (clean.isEmpty()) {
            if (required) {
                throw Refusal.invalid(field, "facilitation.text.required");
            }
            return null;
        }
        if (clean.length() > max) {
            throw Refusal.invalid(field, "facilitation.text.tooLong", max);
        }
        return clean;
    }

    static FlagReason flagReason(String value) {
        for (FlagReason reason : FlagReason.values()) {
            if (reason.name().equals(value == null ? "" : value.toUpperCase(Locale.ROOT))) {
                return reason;
            }
        }
        throw Refusal.invalid("reason", "flag.reason.invalid");
    }

    /** A time typed in the Jam's own time zone, as the scheduling form shows it. */
    static Instant localTime(String field, String value, ZoneId zone) {
        try {
            return LocalDateTime.parse(value == null ? "" : value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(field, "guest.time.invalid");
        }
    }

    static void guestSlot(Instant startsAt, Instant endsAt, Instant now) {
        if (!endsAt.isAfter(startsAt)) {
            throw Refusal.invalid("endsAt", "guest.endsBeforeStart");
        }
        if (!endsAt.isAfter(now)) {
            throw Refusal.invalid("endsAt", "guest.inThePast");
        }
        if (Duration.between(startsAt, endsAt).compareTo(MAX_GUEST_SLOT) > 0) {
            throw Refusal.invalid("endsAt", "guest.tooLong", MAX_GUEST_SLOT.toHours());
        }
    }
}
