package org.incrowd.notify.internal;

import java.util.Arrays;
import java.util.Optional;

/** When a kind of notification is mailed to a person: never, at once, or gathered in the daily digest. */
public enum MailTiming {
    OFF, AT_ONCE, DAILY;

    /** The value in {@code notification_preference.mail_timing} and in the preferences form. */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Its name on the preferences page. */
    public String messageKey() {
        return "notify.timing." + column();
    }

    public static Optional<MailTiming> ofColumn(String value) {
        return Arrays.stream(values()).filter(timing -> timing.column().equals(value)).findFirst();
    }
}
