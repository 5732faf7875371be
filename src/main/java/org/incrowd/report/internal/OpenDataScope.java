package org.incrowd.report.internal;

import java.time.Instant;
import org.incrowd.report.OpenDataMode;

/**
 * What one export covers: a whole Jam (forumId null) or one forum, in one mode.
 *
 * @param title the Jam's title, and the forum's after it when the export covers one forum
 */
public record OpenDataScope(long jamId, Long forumId, String title, OpenDataMode mode, Instant exportedAt) {

    /** The scope pseudonyms are stable in: the same person has another pseudonym in another Jam or forum. */
    String pseudonymScope() {
        return forumId == null ? "jam:" + jamId : "forum:" + forumId;
    }

    /** Insight's name for the scope: 0 for the whole Jam. */
    long insightForum() {
        return forumId == null ? 0 : forumId;
    }

    boolean named() {
        return mode == OpenDataMode.PSEUDONYMISED;
    }

    public String fileName(String extension) {
        return "open-data-jam-" + jamId + (forumId == null ? "" : "-forum-" + forumId) + "-" + mode.key() + "."
                + extension;
    }
}
