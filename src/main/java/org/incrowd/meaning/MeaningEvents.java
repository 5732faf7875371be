package org.incrowd.meaning;

import java.util.List;

/** What the encoder did, for the modules that keep vectors of their own (the search index) or place posts in themes. */
public final class MeaningEvents {

    private MeaningEvents() {
    }

    /** These posts have a new stored vector (new posts, or edited ones), all of one model. */
    public record PostsEncoded(String model, List<Long> postIds) {
    }
}
