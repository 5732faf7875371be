package org.incrowd.discussion;

/** What happens in the conversation, for live updates, search and insight. */
public final class DiscussionEvents {

    private DiscussionEvents() {
    }

    public record PostPublished(long postId, long jamId, long forumId, long threadId, Long parentId, long authorId) {
    }

    public record PostEdited(long postId, long jamId, long forumId, long threadId) {
    }

    public record ReactionCast(long postId, long jamId, long forumId, long threadId, long personId, ReactionKind kind) {
    }

    public record ReactionWithdrawn(long postId, long jamId, long forumId, long threadId, long personId) {
    }

    /** An organiser imported a conversation from another system into a forum. */
    public record ConversationImported(long jamId, long forumId, int statements, int reactions) {
    }

    public record MarkedHelpful(long postId, long jamId, long personId) {
    }
}
