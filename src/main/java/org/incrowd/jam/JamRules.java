package org.incrowd.jam;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.incrowd.identity.EmailAddress;
import org.incrowd.shared.FieldErrors;

/** What a valid Jam and forum look like; every problem is reported against its field. */
final class JamRules {

    static final int MAX_TITLE = 120;
    static final int MAX_QUESTION = 500;
    static final int MAX_PURPOSE = 4000;
    static final int MAX_TERMS = 10000;
    static final int MAX_PRIZE = 500;
    /** As long as a person's unit, which it names. */
    static final int MAX_UNIT = 80;
    /** Bounded so the whole form stays within the request size limit. */
    static final int MAX_INVITATIONS = 1000;
    /** How many wrong invitation lines the message names. */
    static final int MAX_NAMED = 10;

    private JamRules() {
    }

    /** The checked values of a draft. */
    record Checked(String title, String purpose, String question, Instant startsAt, Instant endsAt, ZoneId zone,
                   Set<String> invitations, String terms, JamKind kind, String prize, String unit) {
    }

    /**
     * {@code before}: the Jam as it is now (null when creating it). A challenge's deadline may not lie in the past
     * unless it is the deadline it already had (a closed challenge stays editable); an idea box's end is
     * {@link Jam#OPEN_END}, or the moment an organiser closed it, which editing keeps.
     */
    static Checked check(JamDraft draft, Jam before, Instant now, FieldErrors errors) {
        String title = text(draft.title(), "title", MAX_TITLE, true, errors);
        String purpose = text(draft.purpose(), "purpose", MAX_PURPOSE, false, errors);
        String question = text(draft.question(), "question", MAX_QUESTION, false, errors);
        String terms = text(draft.terms(), "terms", MAX_TERMS, false, errors);
        // A draft without kind (an API client from before campaigns) keeps the kind the Jam has.
        JamKind kind = draft.kind() != null ? draft.kind() : before != null ? before.kind() : JamKind.JAM;
        String prize = text(draft.prize(), "prize", MAX_PRIZE, false, errors);
        if (prize != null && !kind.offersPrize()) {
            errors.add("prize", "jam.prize.onlyChallenges");
        }
        String unit = text(draft.unit(), "unit", MAX_UNIT, false, errors);
        ZoneId zone = zone(draft.timeZone(), errors);
        Instant starts = instant(draft.startsAt(), zone, "startsAt", errors);
        Instant ends = kind.hasEnd() ? instant(draft.endsAt(), zone, "endsAt", kind == JamKind.CHALLENGE
                ? "jam.deadline.required" : "jam.endsAt.required", errors) : openEnd(before);
        if (starts != null && ends != null && !ends.isAfter(starts)) {
            errors.add("endsAt", kind == JamKind.CHALLENGE ? "jam.deadline.beforeStart" : "jam.endsAt.beforeStart");
        } else if (kind == JamKind.CHALLENGE && ends != null && !ends.isAfter(now)
                && (before == null || !ends.equals(before.endsAt()))) {
            errors.add("endsAt", "jam.deadline.past");
        }
        if (draft.audience() == null || draft.audience().isEmpty()) {
            errors.add("audience", "jam.audience.required");
        }
        var invitations = invitations(draft.invitations(), errors);
        return new Checked(title, purpose, question, starts, ends, zone, invitations, terms, kind, prize, unit);
    }

    /** An idea box or help stream stays open; one an organiser closed keeps the moment it closed. */
    private static Instant openEnd(Jam before) {
        return before != null && !before.kind().hasEnd() ? before.endsAt() : Jam.OPEN_END;
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
        return instant(value, zone, field, "jam." + field + ".required", errors);
    }

    private static Instant instant(String value, ZoneId zone, String field, String requiredKey, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            errors.add(field, requiredKey);
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field, "jam.dateTime.invalid");
            return null;
        }
    }

    /**
     * One or more addresses per line (separated by commas, semicolons or spaces). Every line holding something that is
     * not an address is named in the message, by its number and what it holds, so the organiser can find it.
     */
    private static Set<String> invitations(String value, FieldErrors errors) {
        return value == null ? null : addresses(value, "invitations", MAX_INVITATIONS, errors);
    }

    /** The addresses of a pasted list (the Jam form's, the invitations page's); bad lines reported on {@code field}. */
    static Set<String> addresses(String value, String field, int max, FieldErrors errors) {
        var emails = new TreeSet<String>();
        if (value == null) {
            return emails;
        }
        var badLines = new ArrayList<Integer>();
        var badEntries = new ArrayList<String>();
        List<String> lines = value.lines().toList();
        for (int line = 0; line < lines.size(); line++) {
            for (String entry : lines.get(line).split("[,;\\s]+")) {
                String email = EmailAddress.normalise(entry);
                if (email.isEmpty()) {
                    continue;
                }
                if (EmailAddress.isValid(email)) {
                    emails.add(email);
                } else {
                    if (badLines.isEmpty() || badLines.getLast() != line + 1) {
                        badLines.add(line + 1);
                    }
                    badEntries.add(entry.strip());
                }
            }
        }
        if (!badEntries.isEmpty()) {
            errors.add(field, "jam.invitations.badLines", badLines.size(), listed(badLines), listed(badEntries));
        }
        if (emails.size() > max) {
            errors.add(field, "jam.invitations.tooMany");
        }
        return emails;
    }

    /** The first few, then "…": a pasted list of 500 wrong lines should not become a message of 500 lines. */
    private static String listed(List<?> values) {
        var shown = values.stream().limit(MAX_NAMED).map(String::valueOf).collect(Collectors.joining(", "));
        return values.size() > MAX_NAMED ? shown + ", …" : shown;
    }
}
