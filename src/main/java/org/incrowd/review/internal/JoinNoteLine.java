package org.incrowd.review.internal;

/** One line under an idea about its joins: a message, the other idea's title (or null), and where it leads. */
public record JoinNoteLine(String messageKey, String title, String link) {
}
