package org.incrowd.review.internal;

import java.util.ArrayList;
import java.util.List;
import org.incrowd.insight.JamThemes;
import org.incrowd.insight.ThemesRecomputed;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each idea's Jam Pulse theme on {@code idea_review} whenever the themes are recomputed or refined, so the
 * queue filters by theme and reviewers assigned to a theme find its ideas without asking insight on every page.
 */
@Component
class IdeaThemeFeed {

    private static final int BATCH = 1000;

    private final JamThemes themes;
    private final JdbcTemplate jdbc;

    IdeaThemeFeed(JamThemes themes, JdbcTemplate jdbc) {
        this.themes = themes;
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional
    public void on(ThemesRecomputed event) {
        refresh(event.jamId());
    }

    /** Sets every idea's theme from the Jam's current themes (ideas in none get none). */
    @Transactional
    public void refresh(long jamId) {
        jdbc.update("update idea_review set theme_key = null where jam_id = ? and theme_key is not null", jamId);
        var pairs = new ArrayList<Object[]>();
        for (var theme : themes.of(jamId)) {
            themes.posts(jamId, theme.key()).forEach(post -> pairs.add(new Object[] {theme.key(), post, jamId}));
        }
        for (int from = 0; from < pairs.size(); from += BATCH) {
            List<Object[]> chunk = pairs.subList(from, Math.min(pairs.size(), from + BATCH));
            jdbc.batchUpdate("update idea_review set theme_key = ? where idea_id = ? and jam_id = ?", chunk);
        }
    }
}
