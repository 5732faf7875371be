package org.incrowd.jam;

import java.util.Locale;
import java.util.Set;
import org.incrowd.identity.EmailAddress;
import org.incrowd.identity.ParticipantType;

/**
 * What a valid invitation looks like, the same for the form, a pasted list and every row of a CSV file: a mail
 * address, a name and profile facts that fit a profile, a known participant type, and a forum for hosts and
 * facilitators. Each check answers the message key of the first problem, or null.
 */
final class InvitationRules {

    /** Like a profile's name, unit and job role (identity's limit), so an account can be made from the row. */
    static final int MAX_TEXT = 80;
    /** The most rows one CSV file may hold. */
    static final int MAX_ROWS = 150_000;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private InvitationRules() {
    }

    /** The problem with this draft (already cleaned), or null when it may be sent. */
    static String problem(InvitationDraft draft) {
        if (draft.email() == null || draft.email().isEmpty() || !EmailAddress.isValid(draft.email())) {
            return "invitation.email.invalid";
        }
        if (tooLong(draft.name()) || tooLong(draft.orgUnit()) || tooLong(draft.jobRole())) {
            return "invitation.tooLong";
        }
        if (draft.country() != null && !COUNTRIES.contains(draft.country())) {
            return "invitation.country.invalid";
        }
        if (draft.role() == null) {
            return "invitation.role.required";
        }
        if (draft.role() != InvitationRole.PARTICIPANT && draft.forumId() == null) {
            return "invitation.forum.required";
        }
        return null;
    }

    /** A participant type as people write it: "EMPLOYEE", "employee", "family member"; null if unknown. */
    static ParticipantType type(String written) {
        String name = written == null ? "" : written.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        for (ParticipantType type : ParticipantType.values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }

    /** Trimmed text, null when empty. */
    static String clean(String value) {
        String stripped = value == null ? "" : value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    static String country(String value) {
        String cleaned = clean(value);
        return cleaned == null ? null : cleaned.toUpperCase(Locale.ROOT);
    }

    private static boolean tooLong(String value) {
        return value != null && (value.length() > MAX_TEXT || value.chars().anyMatch(Character::isISOControl));
    }
}
