package org.incrowd.jam;

/**
 * The one thing the jam module needs to know about what was written in its Jams, without reading posts (the discussion
 * module, which depends on this one, implements it): whether anyone wrote yet, which decides how a mode may change.
 */
public interface ForumContent {

    /** Whether the Jam (forum null) or one of its forums holds any post. */
    boolean hasPosts(long jamId, Long forumIdOrNull);
}
