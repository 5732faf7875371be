package org.incrowd.discussion;

/** What a person writes: a title (ideas only), Markdown text and tags separated by commas or spaces. */
public record PostDraft(String title, String body, String tags) {
}
