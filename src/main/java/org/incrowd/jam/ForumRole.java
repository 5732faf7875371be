package org.incrowd.jam;

/** Staff of one forum. */
public enum ForumRole {
    /** A subject expert who frames the question and answers. */
    HOST,
    /** A moderator who guides the conversation, in shifts. */
    FACILITATOR;

    public String messageKey() {
        return "forumRole." + name();
    }
}
