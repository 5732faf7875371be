package org.incrowd.discussion;

import java.time.Instant;

/** What happens in the conversation, for live updates, search and insight. */
public final class DiscussionEvents {

    private DiscussionEvents() {
    }

    public record PostPublished(long postId, long jamId, long forumId, long threadId, Long parentId, long authorId) {
    }

    public record PostEdited(long postId, long jamId, long forumId, long threadId) {
    }

    /** {@code first}: the person had no reaction to the post before (otherwise this one replaced it). */
    public record ReactionCast(long postId, long jamId, long forumId, long threadId, long personId, ReactionKind kind,
                               Instant at, boolean first) {
    }

    public record ReactionWithdrawn(long postId, long jamId, long forumId, long threadId, long personId) {
    }

    /** An organiser imported a conversation from another system into a forum. */
    public record ConversationImported(long jamId, long forumId, int statements, int reactions) {
    }

    /** A facilitator hid a post; its author sees the reason, other readers a notice in its place. */
    public record PostHidden(long postId, long jamId, long forumId, long threadId, long authorId, String reason) {
    }

    /** A facilitator restored a hidden post; {@code reason} is what they gave, if anything (null). */
    public record PostRestored(long postId, long jamId, long forumId, long threadId, long authorId, String reason) {
    }

    /** A facilitator pinned or unpinned an idea, or spotlit a post or took the spotlight away. */
    public record PostFeatured(long postId, long jamId, long forumId, long threadId, boolean pinned, boolean spotlit) {
    }

    /** A facilitator moved a thread, with all its replies, to a better forum of the same Jam. */
    public record ThreadMoved(long threadId, long jamId, long fromForumId, long toForumId) {
    }

    public record MarkedHelpful(long postId, long jamId, long forumId, long threadId, long personId) {
    }

    /**
     * An idea was joined into another and its reactions moved there, or such a join was undone (then they moved
     * back): tallies and opinion maps of both ideas are to be read again.
     */
    public record ReactionsMoved(long jamId, long fromPostId, long fromForumId, long toPostId, long toForumId) {
    }

    /**
     * The author of an idea adopted a build-on into it: the builder's contribution became part of the idea (a giver's
     * act the recognition module credits to {@code builderId}).
     */
    public record BuildOnAdopted(long buildOnId, long ideaId, long jamId, long adopterId, long builderId) {
    }

    /**
     * An adoption was undone (by the idea's author or team): the build-on is no longer part of the idea, and any
     * credit {@link BuildOnAdopted} gave {@code builderId} for it is to be withdrawn.
     */
    public record BuildOnAdoptionUndone(long buildOnId, long ideaId, long jamId, long undoneById, long builderId) {
    }

    /** Someone joined an idea's team, to develop it with its author as a co-author. */
    public record TeamJoined(long ideaId, long jamId, long personId) {
    }

    /** Someone left an idea's team (or its author took them off it). */
    public record TeamLeft(long ideaId, long jamId, long personId) {
    }

    /**
     * The person an idea was entered for (by a colleague, with their consent) claimed it: it is theirs now, and the
     * colleague who entered it helped them be heard.
     */
    public record ProxyIdeaClaimed(long ideaId, long jamId, long enteredById, long claimantId) {
    }

    /** Someone took back their helpful mark on a post (recognition takes back the credit it gave for it). */
    public record HelpfulUnmarked(long postId, long jamId, long forumId, long threadId, long personId) {
    }

    /**
     * A facilitator pinned an idea or spotlit a post ({@link PostFeatured} says what changed, this one who did it
     * and for whom): facilitation work that recognition credits.
     */
    public record FeaturedByFacilitator(long postId, long jamId, long facilitatorId, long authorId) {
    }
}
