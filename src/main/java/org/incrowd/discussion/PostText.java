package org.incrowd.discussion;

import java.time.Instant;
import java.util.List;

/**
 * A post's words and where it stands, without the reader-specific parts of {@link Post}: for indexing and analysis
 * done on no one's behalf (whoever later shows results checks what the reader may see).
 */
public record PostText(long id, long jamId, long forumId, long threadId, Long parentId, long authorId, String title,
                       String body, List<String> tags, Instant createdAt, Instant editedAt) {

    public boolean isIdea() {
        return parentId == null;
    }

    /** Title and body as one text (replies have no title). */
    public String text() {
        return title == null || title.isBlank() ? body : title + "\n\n" + body;
    }
}
