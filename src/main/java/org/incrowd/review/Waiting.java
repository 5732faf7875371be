package org.incrowd.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import org.incrowd.discussion.PostFeed;
import org.incrowd.identity.Actor;
import org.incrowd.insight.JamThemes;
import org.incrowd.review.internal.AnswerStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What waits for the organisers: themes no one answered (waiting since their first idea was posted), ideas not yet
 * acknowledged (since they were posted) and poorly rated answers (since they were last written), oldest first.
 */
@Service
public class Waiting {

    /** Ideas listed at most; the page says how many more wait. */
    public static final int IDEAS_LISTED = 200;
    private static final int CHUNK = 1000;

    public enum Kind {
        THEME, IDEA, POORLY_RATED;

        public String messageKey() {
            return "waiting.kind." + name();
        }
    }

    /** One thing that waits; {@code ratings} only for a poorly rated answer. */
    public record Item(Kind kind, String label, String link, Instant since, Duration waited,
                       ThemeAnswer.Ratings ratings) {
    }

    /** The list, and how many unacknowledged ideas there are in all. */
    public record Waits(List<Item> items, long ideasWaiting) {
    }

    private final ReviewAccess access;
    private final JamThemes themes;
    private final AnswerStore answers;
    private final PostFeed posts;
    private final JdbcClient jdbc;
    private final Clock clock;

    Waiting(ReviewAccess access, JamThemes themes, AnswerStore answers, PostFeed posts, JdbcClient jdbc,
            Clock clock) {
        this.access = access;
        this.themes = themes;
        this.answers = answers;
        this.posts = posts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Waits of(Actor actor, long jamId) {
        access.requireReviewer(actor, jamId);
        var now = clock.instant();
        var items = new ArrayList<Item>();
        var answered = answers.byTheme(jamId);
        for (var theme : themes.of(jamId)) {
            if (!answered.containsKey(theme.key())) {
                var since = firstPosted(themes.posts(jamId, theme.key()));
                if (since != null) {
                    items.add(new Item(Kind.THEME, theme.label(), "/jams/" + jamId + "/review/answers#theme-"
                            + theme.key(), since, Duration.between(since, now), null));
                }
            }
        }
        for (var answer : answered.values()) {
            if (answer.ratings().poor()) {
                items.add(new Item(Kind.POORLY_RATED, answer.themeLabel(), answer.link(), answer.updatedAt(),
                        Duration.between(answer.updatedAt(), now), answer.ratings()));
            }
        }
        var waitingIdeas = jdbc.sql("""
                        select idea_id, posted_at from idea_review where jam_id = ? and first_answer_at is null
                        order by posted_at, idea_id offset 0 rows fetch next ? rows only""")
                .params(jamId, IDEAS_LISTED)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2).toInstant()}).list();
        var titles = new HashMap<Long, String>();
        posts.texts(waitingIdeas.stream().map(row -> (Long) row[0]).toList())
                .forEach(text -> titles.put(text.id(), text.title() == null || text.title().isBlank()
                        ? excerpt(text.body()) : text.title()));
        for (var row : waitingIdeas) {
            long id = (Long) row[0];
            var since = (Instant) row[1];
            items.add(new Item(Kind.IDEA, titles.getOrDefault(id, "#" + id), "/posts/" + id, since,
                    Duration.between(since, now), null));
        }
        long ideasWaiting = jdbc.sql("select count(*) from idea_review where jam_id = ? and first_answer_at is null")
                .param(jamId).query(Long.class).single();
        items.sort(Comparator.comparing(Item::since).thenComparing(Item::label));
        return new Waits(items, ideasWaiting);
    }

    /** When the first idea among the theme's posts was posted (its replies are not reviewed). */
    private Instant firstPosted(List<Long> postIds) {
        Instant first = null;
        for (int from = 0; from < postIds.size(); from += CHUNK) {
            var at = jdbc.sql("select min(posted_at) from idea_review where idea_id in (:ids)")
                    .param("ids", postIds.subList(from, Math.min(postIds.size(), from + CHUNK)))
                    .query((rs, n) -> rs.getTimestamp(1)).optional().orElse(null);
            if (at != null && (first == null || at.toInstant().isBefore(first))) {
                first = at.toInstant();
            }
        }
        return first;
    }

    private static String excerpt(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() > 80 ? text.substring(0, 79) + "…" : text;
    }
}
