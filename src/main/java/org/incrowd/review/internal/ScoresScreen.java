package org.incrowd.review.internal;

import java.util.Map;
import org.incrowd.jam.Jam;
import org.incrowd.review.IdeaScores;
import org.incrowd.shared.FieldErrors;

/** One idea's scores by every reviewer, with the weighted mean and spread, and the actor's own scoring form. */
public record ScoresScreen(Jam jam, long ideaId, String title, IdeaScores scores, Map<Integer, String> typed,
                           FieldErrors errors, boolean saved) {

    public String typed(int position) {
        return typed.getOrDefault(position, "");
    }
}
