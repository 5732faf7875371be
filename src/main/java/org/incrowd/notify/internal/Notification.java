package org.incrowd.notify.internal;

import java.time.Instant;
import java.util.Map;
import org.incrowd.notify.NotificationKind;
import org.incrowd.notify.NotificationParams;

/** One stored notification, as the page, the bell and the digest show it. */
public record Notification(long id, NotificationKind kind, String link, Map<String, String> params, Instant createdAt,
                           Instant readAt) {

    /** The message that says what happened, in pages and mails alike. */
    public String textKey() {
        return textKey(kind);
    }

    public Object[] textArguments() {
        return NotificationParams.arguments(params);
    }

    public boolean unread() {
        return readAt == null;
    }

    /** The name of a kind on the preferences and unsubscribe pages. */
    public static String kindKey(NotificationKind kind) {
        return "notify.kind." + kind.name();
    }

    static String textKey(NotificationKind kind) {
        return "notify.text." + kind.name();
    }

    /**
     * Only a path of this application may be a notification's link: opening a notification redirects there, and a
     * link elsewhere ("//evil.example") would make Incrowd an open redirect.
     */
    static String requireLocal(String link) {
        if (link == null || !link.startsWith("/") || link.startsWith("//") || link.startsWith("/\\")) {
            throw new IllegalArgumentException("A notification links to a path of this application, not " + link);
        }
        return link;
    }
}
