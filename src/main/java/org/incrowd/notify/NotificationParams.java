package org.incrowd.notify;

/**
 * The names of the values a notification's text uses, for those who call the inbox. Each is optional; a kind's
 * message picks the ones it needs (see {@code notify.text.<KIND>} in the message bundles, arguments in this order).
 */
public final class NotificationParams {

    /** {0}: who did it (a display name). */
    public static final String ACTOR = "actor";
    /** {1}: the post or thread concerned (its title or the start of its text). */
    public static final String TITLE = "title";
    /** {2}: the Jam's title. */
    public static final String JAM = "jam";
    /** {3}: a facilitator's reason (hidden, restored). */
    public static final String REASON = "reason";
    /** {4}: the forum's title. */
    public static final String FORUM = "forum";
    /** {5}: a longer text (an announcement, a digest's summary). */
    public static final String TEXT = "text";

    static final String[] IN_ORDER = {ACTOR, TITLE, JAM, REASON, FORUM, TEXT};

    private NotificationParams() {
    }

    /** The message arguments for {@code params}, in the order above; missing ones are empty. */
    public static Object[] arguments(java.util.Map<String, String> params) {
        var arguments = new Object[IN_ORDER.length];
        for (int i = 0; i < IN_ORDER.length; i++) {
            arguments[i] = params.getOrDefault(IN_ORDER[i], "");
        }
        return arguments;
    }
}
