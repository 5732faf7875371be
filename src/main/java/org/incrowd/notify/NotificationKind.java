package org.incrowd.notify;

/** Everything Incrowd tells people about; each kind is on or off, at once or in a digest, per person. */
public enum NotificationKind {
    // Defaults (in the app, by mail) are a business rule of their own: notify.internal.Preference#byDefault.
    /** Someone replied to your post. */
    REPLY,
    /** Someone built on your idea. */
    BUILD_ON,
    /** Someone mentioned you with @name. */
    MENTION,
    /** A facilitator hid your post, with the reason. */
    POST_HIDDEN,
    /** A facilitator restored your post. */
    POST_RESTORED,
    /** A post was flagged in a forum you facilitate. */
    FLAG_RAISED,
    /** A guest session starts in a forum you follow. */
    GUEST_SESSION,
    /** A Jam you joined has opened. */
    JAM_OPENED,
    /** A Jam you joined closes in 24 hours. */
    JAM_CLOSING_DAY,
    /** A Jam you joined closes in an hour. */
    JAM_CLOSING_HOUR,
    /** A Jam you joined has closed. */
    JAM_CLOSED,
    /** A facilitator's announcement marked "also by e-mail". */
    ANNOUNCEMENT,
    /** The day in a Jam: leading themes, busiest threads, your own threads. */
    JAM_DIGEST,
    /** An idea you gave, built on or follow was decided, with the reason. */
    IDEA_DECIDED,
    /** The organisers answered a theme your posts belong to ("you said / we did / why"). */
    THEME_ANSWERED,
    /** Someone proposes to join your idea with another one; you accept or decline. */
    MERGE_PROPOSED,
    /** An idea you gave or supported was joined with another one (or the join was undone). */
    IDEAS_MERGED,
    /** The report of a Jam you joined was published. */
    REPORT_PUBLISHED,
    /** An author declined the join you proposed; nothing was joined. */
    JOIN_DECLINED,
    /** A join of your idea with another one was undone, with the reason. */
    JOIN_UNDONE,
    /** The person you entered an idea for claimed it: it is theirs now. */
    PROXY_IDEA_CLAIMED,
    /** The author (or team) of an idea adopted your build-on into it. */
    BUILD_ON_ADOPTED,
    /** Someone joined the team of your idea. */
    TEAM_JOINED,
    /** You earned a badge for helping others in a Jam. */
    BADGE_EARNED,
    /** An organiser awarded you a challenge's prize, with the reason. */
    PRIZE_AWARDED,
    /** Your question in a help stream was answered (with a link that brings you to it). */
    HELP_ANSWERED,
    /** A question of a help stream was routed to you: you said you know its topic. */
    QUESTION_ROUTED,
    /** A colleague handed a help stream's question to you, with a note. */
    QUESTION_HANDED_OVER,
    /** Two administrators revealed to each other that you wrote a pseudonymous or anonymous post, with the reason. */
    POST_REVEALED
}
