package org.incrowd.discussion;

import java.util.List;

/** One page of a forum's ideas, in the order named by {@code order} (one of {@code orders}). */
public record ForumPage(List<Post> ideas, int page, boolean hasMore, String order, List<IdeaOrder> orders) {
}
