package org.incrowd.insight.themes;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.incrowd.insight.ThemeMemberships;
import org.springframework.stereotype.Component;

/** The stored themes with the analysts' decisions replayed, for the insight module's public {@link ThemeMemberships}. */
@Component
class PulseThemeMemberships implements ThemeMemberships {

    private final ThemeSnapshots snapshots;
    private final ThemeDecisions decisions;
    private final ThemeModels models;

    PulseThemeMemberships(ThemeSnapshots snapshots, ThemeDecisions decisions, ThemeModels models) {
        this.snapshots = snapshots;
        this.decisions = decisions;
        this.models = models;
    }

    @Override
    public Optional<Themes> of(long jamId, long forumId) {
        return snapshots.latest(jamId, forumId).map(snapshot -> {
            var placed = models.placedSince(snapshot);
            var replayed = PulseThemes.replayed(snapshot, decisions.of(jamId, forumId));
            var visible = replayed.themes(placed).stream().filter(theme -> !theme.hidden())
                    .map(theme -> new Theme(theme.key(), theme.label(), theme.size() + theme.newPosts())).toList();
            var keys = new HashSet<String>();
            visible.forEach(theme -> keys.add(theme.key()));
            return new Themes() {

                @Override
                public Instant computedAt() {
                    return snapshot.computedAt();
                }

                @Override
                public List<Theme> themes() {
                    return visible;
                }

                @Override
                public String themeOf(long postId) {
                    String key = replayed.themeOf(postId, placed.get(postId));
                    return key != null && keys.contains(key) ? key : null;
                }
            };
        });
    }
}
