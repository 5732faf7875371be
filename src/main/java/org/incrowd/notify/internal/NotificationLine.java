package org.incrowd.notify.internal;

/** One line of a notification mail: what happened, in the recipient's words, and the absolute link to where. */
public record NotificationLine(String text, String link) {
}
