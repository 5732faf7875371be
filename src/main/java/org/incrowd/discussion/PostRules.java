package org.incrowd.discussion;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;

/** What a valid post is, and how long its author may edit it. */
final class PostRules {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 10_000;
    static final int MAX_TAGS = 5;
    /** Long enough to fix a typo, short enough that replies can rely on what they answered. */
    /** Short enough to scan in a list of ideas; the whole statement is the body. */
    static final int IMPORTED_TITLE = 90;
    static final Duration EDIT_WINDOW = Duration.ofMinutes(30);
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]{0,29}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");
    /** A request key as clients make them: a UUID, a ULID, a counter with a prefix. */
    private static final Pattern REQUEST_KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    private PostRules() {
    }

    record Checked(String title, String body, List<String> tags) {
    }

    /**
     * Signing one post with one's name only makes sense where others otherwise see a pseudonym: a named forum names
     * everyone anyway, and an anonymous forum promised every reader that no author is shown.
     */
    static void signableOnlyUnderPseudonyms(org.incrowd.jam.IdentityMode mode, FieldErrors errors) {
        if (mode != org.incrowd.jam.IdentityMode.PSEUDONYMOUS) {
            errors.add("signedByName", "post.signByName.notHere." + mode.name());
        }
    }

    static Checked check(PostDraft draft, boolean idea, FieldErrors errors) {
        String title = draft.title() == null ? null : draft.title().strip();
        if (idea && (title == null || title.isEmpty())) {
            errors.add("title", "post.title.required");
        } else if (title != null && title.length() > MAX_TITLE) {
            errors.add("title", "post.title.tooLong");
        } else if (title != null && CONTROL.matcher(title).find()) {
            errors.add("title", "post.title.invalid");
        }
        String body = draft.body() == null ? "" : draft.body().strip();
        if (body.isEmpty()) {
            errors.add("body", "post.body.required");
        } else if (body.length() > MAX_BODY) {
            errors.add("body", "post.body.tooLong");
        } else if (CONTROL.matcher(body).find()) {
            errors.add("body", "post.body.invalid");
        }
        var tags = new LinkedHashSet<String>();
        if (draft.tags() != null) {
            Arrays.stream(draft.tags().split("[,\\s]+")).map(t -> t.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT))
                    .filter(t -> !t.isEmpty()).forEach(tag -> {
                        if (!TAG.matcher(tag).matches()) {
                            errors.add("tags", "post.tags.invalid");
                        } else {
                            tags.add(tag);
                        }
                    });
        }
        if (tags.size() > MAX_TAGS) {
            errors.add("tags", "post.tags.tooMany");
        }
        if (draft.requestKey() != null && !REQUEST_KEY.matcher(draft.requestKey()).matches()) {
            errors.add("requestKey", "post.requestKey.invalid");
        }
        return new Checked(idea ? title : (title == null || title.isEmpty() ? null : title), body, List.copyOf(tags));
    }

    /** Imported text made to fit: control characters dropped, cut to the longest body a post may have. */
    static String importedBody(String text) {
        String clean = CONTROL.matcher(text == null ? "" : text).replaceAll("").strip();
        if (clean.isEmpty()) {
            return "…";
        }
        return clean.length() <= MAX_BODY ? clean : clean.substring(0, MAX_BODY - 1) + "…";
    }

    /** A title for a statement that came without one: its first line, cut at a word near {@link #IMPORTED_TITLE}. */
    static String titleFrom(String body) {
        String line = body.strip().lines().findFirst().orElse("").replaceAll("\\s+", " ");
        if (line.length() <= IMPORTED_TITLE) {
            return line;
        }
        int cut = line.lastIndexOf(' ', IMPORTED_TITLE);
        return line.substring(0, cut > IMPORTED_TITLE / 2 ? cut : IMPORTED_TITLE).strip() + "…";
    }

    /** Authors may edit their own post within the window after writing it. */
    static boolean withinEditWindow(Instant createdAt, Instant now) {
        return !now.isAfter(createdAt.plus(EDIT_WINDOW));
    }

    /**
     * A hidden post, its title wherever it names a thread, and its earlier versions are read only by its author and
     * the people who facilitate its forum (hosts, facilitators, organisers): they see what was hidden and why.
     */
    static boolean mayReadHidden(long authorId, long readerId, boolean facilitatesForum) {
        return authorId == readerId || facilitatesForum;
    }

    /** A hidden post stays as the facilitator found it: its author may no longer change it. */
    static void requireNotHidden(boolean hidden) {
        if (hidden) {
            throw Refusal.conflict("post.edit.hidden");
        }
    }

    static final int MAX_REASON = 500;

    /** The author reads why their post was hidden: a reason is required, and kept short enough to read. */
    static String moderationReason(String reason) {
        String clean = reason == null ? "" : CONTROL.matcher(reason).replaceAll("").strip();
        if (clean.isEmpty()) {
            throw Refusal.invalid("reason", "moderation.reason.required");
        }
        if (clean.length() > MAX_REASON) {
            throw Refusal.invalid("reason", "moderation.reason.tooLong", MAX_REASON);
        }
        return clean;
    }
}
