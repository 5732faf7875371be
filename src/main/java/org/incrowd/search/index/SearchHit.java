package org.incrowd.search.index;

import java.time.Instant;
import java.util.List;

/**
 * A post found. {@code snippetHtml} is escaped HTML whose only tags are {@code <mark>} around the words that matched,
 * so a page may insert it as HTML.
 */
public record SearchHit(long postId, long jamId, long forumId, long threadId, boolean idea, String title,
                        String snippetHtml, List<String> tags, String participantType, String country, String phase,
                        Instant createdAt) {
}
