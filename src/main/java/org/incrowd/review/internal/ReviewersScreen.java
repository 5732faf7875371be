package org.incrowd.review.internal;

import java.util.List;
import org.incrowd.insight.JamThemes;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.review.Reviewers;
import org.incrowd.shared.FieldErrors;

/** The organiser's page of reviewers: the assignments, and the form that adds one (kept as typed when refused). */
public record ReviewersScreen(Jam jam, List<Reviewers.Assigned> assigned, List<Forum> forums,
                              List<JamThemes.Theme> themes, String reviewer, String kind, String target, String due,
                              FieldErrors errors, String notice) {

    public String forumTitle(Long forumId) {
        return forums.stream().filter(f -> f.id() == forumId).findFirst().map(Forum::title).orElse("");
    }

    public String themeLabel(String key) {
        return themes.stream().filter(t -> t.key().equals(key)).findFirst().map(JamThemes.Theme::label).orElse(key);
    }
}
