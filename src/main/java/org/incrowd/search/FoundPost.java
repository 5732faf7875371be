package org.incrowd.search;

import org.incrowd.search.index.SearchHit;

/** A search result as a page shows it: the hit, where it was posted, and the link to it. */
public record FoundPost(SearchHit hit, String jamTitle, String forumTitle, String url) {
}
