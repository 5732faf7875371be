package org.incrowd.jam;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.incrowd.identity.EmailAddress;
import org.incrowd.shared.FieldErrors;

/** What a valid Jam and forum look like; every problem is reported against its field. */
final class JamRules {

    static final int MAX_TITLE = 120;
    static final int MAX_QUESTION = 500;
    static final int MAX_PURPOSE = 4000;
    static final int MAX_TERMS = 10000;
    /** Bounded so the whole form stays within the request size limit. */
    static final int MAX_INVITATIONS = 1000;

    private JamRules() {
    }

    /** The checked values of a draft. */
    record Checked(String title, String purpose, String question, Instant startsAt, Instant endsAt, ZoneId zone,
                   Set<String> invitations, String terms) {
    }

    static Checked check(JamDraft draft, FieldErrors errors) {
        String title = text(draft.title(), "title", MAX_TITLE, true, errors);
        String purpose = text(draft.purpose(), "purpose", MAX_PURPOSE, false, errors);
        String question = text(draft.question(), "question", MAX_QUESTION, false, errors);
        String terms = text(draft.terms(), "terms", MAX_TERMS, false, errors);
        ZoneId zone = zone(draft.timeZone(), errors);
        Instant starts = instant(draft.startsAt(), zone, "startsAt", errors);
        Instant ends = instant(draft.endsAt(), zone, "endsAt", errors);
        if (starts != null && ends != null && !ends.isAfter(starts)) {
            errors.add("endsAt", "jam.endsAt.beforeStart");
        }
        if (draft.audience() == null || draft.audience().isEmpty()) {
            errors.add("audience", "jam.audience.required");
        }
        var invitations = invitations(draft.invitations(), errors);
        return new Checked(title, purpose, question, starts, ends, zone, invitations, terms);
    }

    static ForumDraft check(ForumDraft draft, FieldErrors errors) {
        return new ForumDraft(text(draft.title(), "forumTitle", MAX_TITLE, true, errors),
                text(draft.question(), "forumQuestion", MAX_QUESTION, false, errors));
    }

    private static String text(String value, String field, int max, boolean required, FieldErrors errors) {
        String cleaned = value == null ? null : value.strip();
        if (cleaned == null || cleaned.isEmpty()) {
            if (required) {
                errors.add(field, "jam." + field + ".required");
            }
            return null;
        }
        if (cleaned.length() > max) {
            errors.add(field, "form.tooLong");
        }
        return cleaned;
    }

    private static ZoneId zone(String value, FieldErrors errors) {
        try {
            return ZoneId.of(value == null || value.isBlank() ? "UTC" : value.strip());
        } catch (DateTimeException e) {
            errors.add("timeZone", "jam.timeZone.invalid");
            return ZoneId.of("UTC");
        }
    }

    private static Instant instant(String value, ZoneId zone, String field, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            errors.add(field, "jam." + field + ".required");
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field, "jam.dateTime.invalid");
            return null;
        }
    }

    private static Set<String> invitations(String value, FieldErrors errors) {
        var emails = new TreeSet<String>();
        if (value == null) {
            return emails;
        }
        Arrays.stream(value.split("[,;\\s]+")).map(EmailAddress::normalise)
                .filter(s -> !s.isEmpty()).forEach(email -> {
                    if (!EmailAddress.isValid(email)) {
                        errors.add("invitations", "jam.invitations.invalid");
                    } else {
                        emails.add(email);
                    }
                });
        if (emails.size() > MAX_INVITATIONS) {
            errors.add("invitations", "jam.invitations.tooMany");
        }
        return emails;
    }
}
