package org.incrowd.outreach;

import java.security.SecureRandom;
import java.util.regex.Pattern;
import org.incrowd.shared.Refusal;

/**
 * What a short link's code and slug may look like. Codes are random over an alphabet without look-alikes (no 0/o,
 * 1/l/i), so they survive being read off a poster and typed on a phone; eight characters of 31 give about 8.5 × 10¹¹
 * codes, so guessing one of a few thousand live links takes hundreds of millions of tries. A slug is the organiser's
 * readable alias: lower-case letters, digits and single hyphens, 3 to 40 characters, starting with a letter.
 */
public final class ShortLinkRules {

    public static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    public static final int CODE_LENGTH = 8;
    public static final int SLUG_MIN = 3;
    public static final int SLUG_MAX = 40;

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ShortLinkRules() {
    }

    public static String newCode() {
        var code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The slug as it will be stored (trimmed, lower case), or null for none; refuses one that does not fit, saying why. */
    public static String checkSlug(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String slug = typed.strip().toLowerCase(java.util.Locale.ROOT);
        if (slug.length() > SLUG_MAX) {
            throw Refusal.invalid("slug", "outreach.slug.tooLong", SLUG_MAX);
        }
        if (slug.length() < SLUG_MIN) {
            throw Refusal.invalid("slug", "outreach.slug.tooShort", SLUG_MIN);
        }
        if (!SLUG.matcher(slug).matches()) {
            throw Refusal.invalid("slug", "outreach.slug.characters");
        }
        return slug;
    }

    /** What someone typed after {@code /s/}, as stored: codes and slugs are lower case, people may not type so. */
    public static String normalise(String key) {
        return key == null ? "" : key.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
