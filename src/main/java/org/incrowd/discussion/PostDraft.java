package org.incrowd.discussion;

/**
 * What a person writes: a title (ideas only), Markdown text and tags separated by commas or spaces.
 * {@code signedByName}: in a pseudonymous forum, the author shows their name on this one post (ADR 42); an edit never
 * changes it. {@code requestKey} (optional, up to 100 letters, digits and {@code -_.:}): the same key sent again by
 * the same author gets the post written the first time, not a second one (a retry after a lost answer).
 */
public record PostDraft(String title, String body, String tags, Boolean signedByName, String requestKey) {

    /** A form or request that leaves the choice out signs nothing (a boxed flag, so leaving it out is allowed). */
    public PostDraft {
        signedByName = Boolean.TRUE.equals(signedByName);
    }

    /** A post under the forum's usual byline. */
    public PostDraft(String title, String body, String tags) {
        this(title, body, tags, false, null);
    }

    public PostDraft(String title, String body, String tags, Boolean signedByName) {
        this(title, body, tags, signedByName, null);
    }

    /** The same draft sent under {@code key} (a request header's, when the body named none). */
    public PostDraft withRequestKey(String key) {
        return key == null || requestKey != null ? this : new PostDraft(title, body, tags, signedByName, key);
    }
}
