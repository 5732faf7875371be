package org.incrowd.discussion;

/**
 * What a person writes: a title (ideas only), Markdown text and tags separated by commas or spaces.
 * {@code signedByName}: in a pseudonymous forum, the author shows their name on this one post (ADR 42); an edit never
 * changes it.
 */
public record PostDraft(String title, String body, String tags, Boolean signedByName) {

    /** A form or request that leaves the choice out signs nothing (a boxed flag, so leaving it out is allowed). */
    public PostDraft {
        signedByName = Boolean.TRUE.equals(signedByName);
    }

    /** A post under the forum's usual byline. */
    public PostDraft(String title, String body, String tags) {
        this(title, body, tags, false);
    }
}
