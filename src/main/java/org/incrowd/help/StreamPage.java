package org.incrowd.help;

import java.util.List;
import org.incrowd.discussion.Post;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;

/**
 * One page of a help stream as a reader sees it: its questions in the stream's order, each with its post, under the
 * name the organisation answers as; {@code topic} is null for the whole stream.
 */
public record StreamPage(Jam jam, String organisationName, List<Forum> topics, Forum topic, List<Item> items,
                         int page, boolean hasMore) {

    public static final int PER_PAGE = 25;

    /** A question with its post and how long it has waited (for a first answer, or until it got one). */
    public record Item(HelpQuestion question, Post post, java.time.Duration waited) {

        public Waiting waiting() {
            return Waiting.of(waited);
        }
    }
}
