package org.incrowd.identity;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.incrowd.shared.FieldErrors;

/** What a valid profile looks like; each rule reports the field it concerns. */
final class ProfileRules {

    static final int MAX_NAME = 80;
    static final Set<String> LANGUAGES = Set.of("en", "de");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern CONTROL_OR_SPACE = Pattern.compile("[\\p{Cntrl}\\s]+");
    /**
     * Characters that change how the text around a name reads without being seen: bidirectional embeddings,
     * overrides and isolates (U+202A-U+202E, U+2066-U+2069), direction marks (U+200E, U+200F, U+061C) and
     * zero-width spaces (U+200B, U+2060, U+FEFF). In a name they let someone look like someone else or reverse what
     * follows. The zero-width joiner and non-joiner (U+200C, U+200D) stay allowed: Persian and Indic names and
     * emoji need them.
     */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u061C\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069\\uFEFF]");

    private ProfileRules() {
    }

    static FieldErrors check(ProfileChange change) {
        var errors = FieldErrors.none();
        String name = clean(change.displayName());
        if (name == null) {
            errors.add("displayName", "profile.displayName.required");
        } else if (name.length() > MAX_NAME || CONTROL.matcher(name).find()) {
            errors.add("displayName", "profile.displayName.invalid");
        } else if (INVISIBLE.matcher(name).find()) {
            errors.add("displayName", "profile.displayName.invisible");
        }
        String country = clean(change.country());
        if (country != null && !COUNTRIES.contains(country.toUpperCase(Locale.ROOT))) {
            errors.add("country", "profile.country.invalid");
        }
        checkLength(change.orgUnit(), "orgUnit", errors);
        checkLength(change.jobRole(), "jobRole", errors);
        if (change.participantType() == null) {
            errors.add("participantType", "profile.participantType.required");
        }
        String language = clean(change.language());
        if (language != null && !LANGUAGES.contains(language)) {
            errors.add("language", "profile.language.invalid");
        }
        return errors;
    }

    static void checkEmail(String email, FieldErrors errors) {
        if (email == null || email.isEmpty()) {
            errors.add("email", "signup.email.required");
        } else if (!EmailAddress.isValid(email)) {
            errors.add("email", "signup.email.invalid");
        }
    }

    private static void checkLength(String value, String field, FieldErrors errors) {
        String cleaned = clean(value);
        if (cleaned != null && (cleaned.length() > MAX_NAME || CONTROL.matcher(cleaned).find())) {
            errors.add(field, "profile.text.invalid");
        }
    }

    /**
     * A display name from what a sign-in provider knows: the first of its full name, its user name and the e-mail
     * address's local part that has any text, with control characters removed and cut to the allowed length, so a
     * provider's odd value never blocks a sign-in.
     */
    static String nameFromProvider(String name, String preferredUsername, String email) {
        String localPart = email == null ? null : email.substring(0, Math.max(email.indexOf('@'), 0));
        for (String candidate : new String[] {name, preferredUsername, localPart}) {
            String cleaned = candidate == null ? null
                    : clean(CONTROL_OR_SPACE.matcher(INVISIBLE.matcher(candidate).replaceAll("")).replaceAll(" "));
            if (cleaned != null) {
                if (cleaned.length() <= MAX_NAME) {
                    return cleaned;
                }
                int end = Character.isHighSurrogate(cleaned.charAt(MAX_NAME - 1)) ? MAX_NAME - 1 : MAX_NAME;
                return cleaned.substring(0, end).strip();
            }
        }
        return null;
    }

    static String normaliseEmail(String email) {
        return EmailAddress.normalise(email);
    }

    /** Trims, and treats blank as absent. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    static String country(String value) {
        String cleaned = clean(value);
        return cleaned == null ? null : cleaned.toUpperCase(Locale.ROOT);
    }

    static String language(String value) {
        return clean(value);
    }
}
