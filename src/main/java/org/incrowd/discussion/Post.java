package org.incrowd.discussion;

import java.time.Instant;
import java.util.List;

/**
 * A post as readers see it. {@code bodyHtml} is already sanitised; {@code body} is the author's Markdown, for editing.
 * {@code parentAuthorName} names the post this one builds on (null for ideas); {@code threadTitle} is the title of
 * the idea that started the thread, so a reply can be named where it appears alone (activity streams).
 */
public record Post(long id, long jamId, long forumId, long threadId, Long parentId, long authorId,
                   String authorName, String parentAuthorName, String title, String threadTitle, String body,
                   String bodyHtml,
                   List<String> tags, Instant createdAt, Instant editedAt, int depth, ReactionCounts counts,
                   ReactionKind myReaction, boolean markedHelpful, long replyCount, Moderation moderation) {

    /**
     * What facilitators did to the post. A hidden post's text is withheld from readers other than its author and
     * the forum's facilitators (who also see the reason); {@code guestLabel} names a guest who wrote it during their
     * session.
     */
    public record Moderation(boolean hidden, boolean withheld, String hiddenReason, boolean pinned, boolean spotlit,
                             String guestLabel) {

        public static final Moderation NONE = new Moderation(false, false, null, false, false, null);
    }

    public boolean isIdea() {
        return parentId == null;
    }

    public boolean edited() {
        return editedAt != null;
    }
}
