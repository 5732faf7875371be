package org.incrowd.notify.internal;

import org.incrowd.notify.NotificationKind;

/** What one person wants to hear of one kind: in the app or not, and when by mail. */
public record Preference(boolean inApp, MailTiming mail) {

    /**
     * The defaults, for everyone who has not chosen: what concerns a person's own posts and the Jams they joined is
     * shown and mailed at once (it is about them, and it is rare); flags are a facilitator's routine, mailed once a
     * day; the Jam digest is a daily mail, not a bell entry.
     */
    public static Preference byDefault(NotificationKind kind) {
        return switch (kind) {
            case FLAG_RAISED -> new Preference(true, MailTiming.DAILY);
            case JAM_DIGEST -> new Preference(false, MailTiming.DAILY);
            default -> new Preference(true, MailTiming.AT_ONCE);
        };
    }

    /**
     * Kinds a person is owed, not offered: being revealed to two administrators must reach its author (issue 16), so
     * its bell stays on whatever was chosen; only its mail can be switched off.
     */
    public static boolean alwaysInTheBell(NotificationKind kind) {
        return kind == NotificationKind.POST_REVEALED;
    }

    /** Whether anything is stored for this person: a row in the bell, in the digest, or both. */
    boolean stored() {
        return inApp || mail == MailTiming.DAILY;
    }
}
