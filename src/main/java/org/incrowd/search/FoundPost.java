package org.incrowd.search;

import java.time.ZoneId;
import org.incrowd.search.index.SearchHit;

/**
 * A search result as a page shows it: the hit, where it was posted, who wrote it, and the link to it. A reply has no
 * title of its own: {@code threadTitle} is its idea's ("Reply to ..."), null when that idea is hidden. {@code zone} is
 * the Jam's time zone, in which its pages show times.
 */
public record FoundPost(SearchHit hit, String jamTitle, String forumTitle, String url, String author,
                        String threadTitle, ZoneId zone) {
}
