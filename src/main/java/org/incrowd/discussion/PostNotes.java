package org.incrowd.discussion;

import gg.jte.Content;
import java.util.List;
import java.util.Map;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Place;
import org.incrowd.shared.Ui;

/**
 * Notes other modules show under posts on a thread page (an idea's review timeline, the answer to the theme a post
 * belongs to), so that the conversation need not know who answers it. Called once per page with all its posts.
 */
public interface PostNotes {

    /** A note per post id, for those of {@code posts} that have one. */
    Map<Long, Content> notes(Place place, List<Post> posts, Actor viewer, Ui ui);

    /** A short mark per idea on a forum's list of ideas (its review stage, say); none unless a bean has one. */
    default Map<Long, Content> marks(Place place, List<Post> ideas, Actor viewer, Ui ui) {
        return Map.of();
    }
}
