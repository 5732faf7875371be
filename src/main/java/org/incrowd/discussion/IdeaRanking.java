package org.incrowd.discussion;

import java.util.List;

/**
 * An order for a forum's ideas that another module provides, offered on the forum page beside "newest" and "most
 * agreed" (the insight module's bridging ranking, for one).
 */
public interface IdeaRanking {

    /** The value of the forum page's {@code order} parameter, e.g. "bridging". */
    String key();

    /** Message key of the link that chooses this order. */
    String labelKey();

    /** Post ids best first; the forum's ideas not among them are listed after, newest first. */
    List<Long> rank(long jamId, long forumId);
}
