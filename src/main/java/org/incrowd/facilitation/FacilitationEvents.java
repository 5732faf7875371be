package org.incrowd.facilitation;

/** What facilitation announces, for live pages. */
public final class FacilitationEvents {

    private FacilitationEvents() {
    }

    /** An announcement to a whole Jam ({@code forumId} null) or to one forum. */
    public record AnnouncementMade(long announcementId, long jamId, Long forumId) {
    }

    /** An announcement was corrected or withdrawn: open pages show it anew, or no more. */
    public record AnnouncementChanged(long announcementId, long jamId, Long forumId) {
    }

    /** A participant flagged a post: the forum's moderation queue changed. */
    public record PostFlagged(long postId, long jamId, long forumId) {
    }

    /** A scheduled guest's time slot began: the forum's readers are alerted. */
    public record GuestSessionStarted(long sessionId, long jamId, long forumId) {
    }
}
