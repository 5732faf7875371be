package org.incrowd.discussion;

/** What happens in the conversation, for live updates, search and insight. */
public final class DiscussionEvents {

    private DiscussionEvents() {
    }

    public record PostPublished(long postId, long jamId, long forumId, long threadId, Long parentId, long authorId) {
    }

    public record PostEdited(long postId, long jamId, long forumId, long threadId) {
    }

    public record ReactionCast(long postId, long jamId, long personId, ReactionKind kind) {
    }

    public record ReactionWithdrawn(long postId, long jamId, long personId) {
    }

    public record MarkedHelpful(long postId, long jamId, long personId) {
    }
}
