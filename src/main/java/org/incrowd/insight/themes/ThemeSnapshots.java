package org.incrowd.insight.themes;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.incrowd.insight.shared.ParsedSnapshots;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored themes. A snapshot is parsed once per node and kept until a newer one is stored: pages ask only for its
 * time, so a large Jam's snapshot does not cost a page view its parse.
 */
@Repository
class ThemeSnapshots {

    record Scope(long jamId, long forumId) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    /** About six snapshots of a 150,000-post Jam, or very many small ones (a post is about 30 bytes here). */
    static final long KEPT_ELEMENTS = 1_000_000;

    private final ParsedSnapshots<ThemeSnapshot> parsed = new ParsedSnapshots<>(ThemeSnapshot::computedAt,
            ThemeSnapshot::elements, KEPT_ELEMENTS);

    ThemeSnapshots(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional
    void save(ThemeSnapshot snapshot) {
        var scope = new Scope(snapshot.jamId(), snapshot.forumId());
        String result = json.writeValueAsString(snapshot);
        var at = Timestamp.from(snapshot.computedAt());
        int updated = jdbc.sql("""
                        update theme_snapshot set computed_at = ?, posts = ?, themes = ?, result = ?
                        where jam_id = ? and forum_id = ?""")
                .params(at, snapshot.posts().length, snapshot.themes().size(), result, scope.jamId(), scope.forumId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into theme_snapshot (jam_id, forum_id, computed_at, posts, themes, result)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(scope.jamId(), scope.forumId(), at, snapshot.posts().length, snapshot.themes().size(),
                            result)
                    .update();
        }
        parsed.keep(snapshot.jamId(), snapshot.forumId(), snapshot);
    }

    /** The latest themes of a Jam (forumId {@link ThemeSnapshot#WHOLE_JAM}) or forum, if they were computed. */
    Optional<ThemeSnapshot> latest(long jamId, long forumId) {
        return parsed.latest(jamId, forumId, computedAt(jamId, forumId), () -> jdbc
                .sql("select result from theme_snapshot where jam_id = ? and forum_id = ?").params(jamId, forumId)
                .query(String.class).optional().map(text -> json.readValue(text, ThemeSnapshot.class)));
    }

    Optional<Instant> computedAt(long jamId, long forumId) {
        return jdbc.sql("select computed_at from theme_snapshot where jam_id = ? and forum_id = ?")
                .params(jamId, forumId).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }
}
