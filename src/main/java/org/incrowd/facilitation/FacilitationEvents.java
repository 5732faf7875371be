package org.incrowd.facilitation;

/** What facilitation announces, for live pages. */
public final class FacilitationEvents {

    private FacilitationEvents() {
    }

    /** An announcement to a whole Jam ({@code forumId} null) or to one forum. */
    public record AnnouncementMade(long announcementId, long jamId, Long forumId) {
    }

    /**
     * A facilitator asked for an announcement to reach people by e-mail too (and in their notifications): the
     * text as announced, to the Jam's members ({@code forumId} null) or to the forum's.
     */
    public record AnnouncementMailed(long announcementId, long jamId, Long forumId, long authorId, String text) {
    }

    /** An announcement was corrected or withdrawn: open pages show it anew, or no more. */
    public record AnnouncementChanged(long announcementId, long jamId, Long forumId) {
    }

    /**
     * A participant flagged a post: the forum's moderation queue changed. {@code reason} is the kind of flag
     * (OFF_TOPIC, ABUSIVE, SPAM, PERSONAL_DATA, OTHER); who flagged is nobody else's business.
     */
    public record PostFlagged(long postId, long jamId, long forumId, String reason) {
    }

    /** A scheduled guest's time slot began: the forum's readers are alerted. */
    public record GuestSessionStarted(long sessionId, long jamId, long forumId, long guestId, String label) {
    }

    /**
     * A host or facilitator (or organiser) made an announcement ({@link AnnouncementMade} does not say who): the
     * facilitation work recognition credits.
     */
    public record AnnouncedBy(long announcementId, long jamId, Long forumId, long authorId) {
    }
}
