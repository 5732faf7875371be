package org.incrowd.discussion;

/** One way to order a forum's ideas, as the forum page offers it. */
public record IdeaOrder(String key, String labelKey) {

    public static final String NEWEST = "newest";
    public static final String MOST_AGREED = "agreed";
}
