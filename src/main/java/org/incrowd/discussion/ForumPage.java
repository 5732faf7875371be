package org.incrowd.discussion;

import java.util.List;

/** One page of a forum's ideas. */
public record ForumPage(List<Post> ideas, int page, boolean hasMore) {
}
