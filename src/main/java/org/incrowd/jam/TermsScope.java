package org.incrowd.jam;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whose terms: the organisation's terms of use ({@code jamId} null), which everyone who posts accepts, or one Jam's
 * terms. Its {@link #key()} ({@code organisation}, {@code jam-7}) names it in tables, URLs and problems.
 */
public record TermsScope(Long jamId) {

    public static final TermsScope ORGANISATION = new TermsScope(null);

    private static final Pattern JAM_KEY = Pattern.compile("jam-([1-9][0-9]{0,17})");

    public static TermsScope ofJam(long jamId) {
        return new TermsScope(jamId);
    }

    /** The scope a key names, or empty where it names none (a typo in a URL). */
    public static Optional<TermsScope> parse(String key) {
        if ("organisation".equals(key)) {
            return Optional.of(ORGANISATION);
        }
        var jam = key == null ? null : JAM_KEY.matcher(key);
        return jam != null && jam.matches() ? Optional.of(ofJam(Long.parseLong(jam.group(1)))) : Optional.empty();
    }

    public boolean isOrganisation() {
        return jamId == null;
    }

    public String key() {
        return isOrganisation() ? "organisation" : "jam-" + jamId;
    }

    /** The page that shows the current terms of this scope and, with {@code /<n>} added, each version. */
    public String path() {
        return "/terms/" + key();
    }
}
