package org.incrowd.insight.themes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.incrowd.insight.JamThemes;
import org.springframework.stereotype.Component;

/** The whole Jam's themes with their posts, for the insight module's public {@link JamThemes}. */
@Component
class JamThemeMembers implements JamThemes {

    private final ThemeSnapshots snapshots;
    private final ThemeDecisions decisions;
    private final ThemeModels models;

    JamThemeMembers(ThemeSnapshots snapshots, ThemeDecisions decisions, ThemeModels models) {
        this.snapshots = snapshots;
        this.decisions = decisions;
        this.models = models;
    }

    @Override
    public List<Theme> of(long jamId) {
        var snapshot = snapshots.latest(jamId, ThemeSnapshot.WHOLE_JAM).orElse(null);
        if (snapshot == null) {
            return List.of();
        }
        var applied = decisions.of(jamId, ThemeSnapshot.WHOLE_JAM);
        var placed = models.placedSince(snapshot);
        var replayed = PulseThemes.replayed(snapshot, applied);
        var postsOf = new HashMap<String, List<Long>>();
        for (long post : snapshot.posts()) {
            add(postsOf, replayed.themeOf(post, null), post);
        }
        placed.forEach((post, raw) -> add(postsOf, replayed.themeOf(post, raw), post));
        var themes = new ArrayList<Theme>();
        for (var theme : PulseThemes.of(snapshot, applied, placed)) {
            if (!theme.hidden()) {
                themes.add(new Theme(theme.key(), theme.label(), List.copyOf(postsOf.getOrDefault(theme.key(),
                        List.of()))));
            }
        }
        return themes;
    }

    private static void add(HashMap<String, List<Long>> postsOf, String key, long post) {
        if (key != null) {
            postsOf.computeIfAbsent(key, k -> new ArrayList<>()).add(post);
        }
    }
}
