package org.incrowd.jam;

/** A forum as an organiser types it. */
public record ForumDraft(String title, String question) {
}
