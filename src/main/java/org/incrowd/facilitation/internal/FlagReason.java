package org.incrowd.facilitation.internal;

/** Why a participant flags a post. "Other" needs a few words of explanation. */
public enum FlagReason {
    OFF_TOPIC, ABUSIVE, SPAM, PERSONAL_DATA, OTHER;

    public String messageKey() {
        return "flag.reason." + name();
    }
}
