package org.incrowd.review;

import java.time.Instant;
import java.util.List;

/** What the review did, for the modules that tell people (notify) and refresh open pages (live). */
public final class ReviewEvents {

    private ReviewEvents() {
    }

    /** An idea that moved, with the forum and stage it came from. */
    public record DecidedIdea(long ideaId, long forumId, long authorId, String previousStage) {
    }

    /** One or many ideas (a bulk action) reached a stage, all with the same written reason. */
    public record IdeasDecided(long jamId, List<DecidedIdea> ideas, Stage stage, String reason, long decidedBy,
                               Instant at) {
    }

    /**
     * Something participants see on open pages changed (an answer, a rating, a merge, the report), so live pages
     * refresh the part concerned. {@code threadId} null: it concerns the whole Jam.
     */
    public record LoopChanged(long jamId, Long forumId, Long threadId, String what) {
    }
}
