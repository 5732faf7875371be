package org.incrowd.review.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.incrowd.review.LedgerEntry;
import org.incrowd.review.Reviewing;
import org.incrowd.review.Stage;
import org.incrowd.shared.Ui;

/**
 * An idea's "what happened" as lines a reader understands. Each action is told by its message
 * {@code review.action.<ACTION>} ({0} who, {1} the stage, {2} the detail), so that a module recording a new action
 * on ideas only adds its message; an action without one is told by a generic line rather than left out.
 */
public record Timeline(long ideaId, Stage stage, List<Line> lines) {

    /** One entry: what was done, why (may be null), when, and whether only staff see it. */
    public record Line(String what, String reason, Instant at, boolean staffOnly) {
    }

    public static Timeline of(Reviewing.IdeaReview review, Map<String, Stage> stages, Ui ui) {
        var lines = review.timeline().stream().map(entry -> line(entry, stages, ui)).toList();
        return new Timeline(review.ideaId(), review.stage(), lines);
    }

    private static Line line(LedgerEntry entry, Map<String, Stage> stages, Ui ui) {
        var stage = entry.stageKey() == null ? null : stages.get(entry.stageKey());
        String stageLabel = stage != null ? stage.label(ui) : entry.stageKey() == null ? "" : entry.stageKey();
        String key = "review.action." + entry.action();
        String what = ui.t(key, entry.actorName(), stageLabel, entry.detail() == null ? "" : entry.detail());
        if (what.equals(key)) {
            what = ui.t("review.action.other", entry.actorName());
        }
        return new Line(what, entry.reason(), entry.at(), !entry.public_());
    }
}
