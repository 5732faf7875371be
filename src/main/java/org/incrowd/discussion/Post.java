package org.incrowd.discussion;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A post as readers see it. {@code bodyHtml} is already sanitised; {@code body} is the author's Markdown, for editing.
 * {@code parentAuthorName} names the post this one builds on (null for ideas); {@code threadTitle} is the title of
 * the idea that started the thread, so a reply can be named where it appears alone (activity streams).
 * {@code authorName} and {@code parentAuthorName} are as the forum's identity mode shows them ({@link Byline}); the
 * server keeps {@code authorId} for its own rules, but it leaves as JSON only where the byline names the author.
 */
public record Post(long id, long jamId, long forumId, long threadId, Long parentId, @JsonIgnore long authorId,
                   String authorName, String parentAuthorName, String title, String threadTitle, String body,
                   String bodyHtml,
                   List<String> tags, Instant createdAt, Instant editedAt, int depth, ReactionCounts counts,
                   ReactionKind myReaction, boolean markedHelpful, long replyCount, Moderation moderation,
                   Byline byline) {

    /**
     * What facilitators did to the post. A hidden post's text is withheld from readers other than its author and
     * the forum's facilitators (who also see the reason); {@code guestLabel} names a guest who wrote it during their
     * session.
     */
    public record Moderation(boolean hidden, boolean withheld, String hiddenReason, boolean pinned, boolean spotlit,
                             String guestLabel) {

        public static final Moderation NONE = new Moderation(false, false, null, false, false, null);
    }

    /** The author's account id as readers may see it: null where the identity mode hides the author. */
    @JsonProperty("authorId")
    public Long shownAuthorId() {
        return byline.hidesAuthor() && !byline.mine() ? null : authorId;
    }

    public boolean isIdea() {
        return parentId == null;
    }

    public boolean edited() {
        return editedAt != null;
    }
}
