package org.incrowd.discussion;

import java.time.Instant;
import java.util.List;

/** What happened in a forum since a facilitator's last shift ended: new ideas and the threads with most replies. */
public record ShiftActivity(Instant since, List<Post> newIdeas, List<HotThread> hotThreads) {

    public record HotThread(Post idea, long newReplies) {
    }
}
