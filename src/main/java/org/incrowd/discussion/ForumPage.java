package org.incrowd.discussion;

import java.util.List;

/** One page of a forum's ideas, in the order named by {@code order} (one of {@code orders}). */
public record ForumPage(List<Post> ideas, int page, boolean hasMore, String order, List<IdeaOrder> orders) {

    /**
     * Whether new reactions may change which ideas this page lists and in what order: every order but "newest" (most
     * agreed counts them, other modules' rankings are made from them). Such a page fetches its list again on a tally;
     * a page listed newest first only puts the new counts in place.
     */
    public boolean orderFollowsReactions() {
        return !IdeaOrder.NEWEST.equals(order);
    }
}
