package org.incrowd.discussion.internal;

import org.incrowd.jam.ForumContent;
import org.springframework.stereotype.Component;

/** Tells the jam module whether a Jam or forum has posts, so a mode changes only towards privacy once written. */
@Component
class WrittenForums implements ForumContent {

    private final PostRepository posts;

    WrittenForums(PostRepository posts) {
        this.posts = posts;
    }

    @Override
    public boolean hasPosts(long jamId, Long forumIdOrNull) {
        return posts.anyIn(jamId, forumIdOrNull);
    }
}
