package org.incrowd.review.internal;

import java.util.List;
import org.incrowd.jam.Jam;
import org.incrowd.shared.FieldErrors;

/** The organiser's scorecard form: rows of criterion name and weight, kept as typed when refused. */
public record ScorecardScreen(Jam jam, List<String> names, List<String> weights, FieldErrors errors, boolean saved) {

    /** Rows to show: what is typed plus empty ones up to five, so criteria can be added without script. */
    public int rows() {
        return Math.min(org.incrowd.review.Scoring.MAX_CRITERIA, Math.max(5, names.size() + 1));
    }

    public String name(int i) {
        return i < names.size() ? names.get(i) : "";
    }

    public String weight(int i) {
        return i < weights.size() ? weights.get(i) : "";
    }
}
