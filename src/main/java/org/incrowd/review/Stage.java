package org.incrowd.review;

import org.incrowd.shared.Ui;

/**
 * One stage of a Jam's review pipeline.
 *
 * @param key      stable name in URLs, the API and the ledger (lower case, digits and hyphens)
 * @param name     the organiser's own name for it, or null for a default stage (then named by the message bundle)
 * @param outcome  what reaching it means for the author
 * @param position order in the pipeline, from 0
 */
public record Stage(String key, String name, StageOutcome outcome, int position) {

    /** The stage every idea starts in. */
    public static final String NEW = "new";

    public String label(Ui ui) {
        return name != null ? name : ui.t("review.stage." + key);
    }
}
