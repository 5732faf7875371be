package org.incrowd.insight.themes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Analysts' decisions about themes, and who the analysts of each Jam are. */
@Repository
class ThemeDecisions {

    private static final String SELECT = """
            select id, forum_id, kind, theme_key, target_key, label, post_ids, person_id, made_at
            from theme_decision""";

    private final JdbcClient jdbc;

    ThemeDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a decision and returns its id. */
    long record(long jamId, long forumId, ThemeDecision.Kind kind, String themeKey, String targetKey, String label,
                List<Long> posts, long personId, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into theme_decision (jam_id, forum_id, kind, theme_key, target_key, label, post_ids,
                                                    person_id, made_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(jamId, forumId, kind.name(), themeKey, targetKey, label,
                        posts.isEmpty() ? null : posts.stream().map(String::valueOf).collect(Collectors.joining(",")),
                        personId, Timestamp.from(at))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Sets the target of a decision recorded before its key was known (a split names its theme by its own id). */
    void target(long decisionId, String targetKey) {
        jdbc.sql("update theme_decision set target_key = ? where id = ?").params(targetKey, decisionId).update();
    }

    /** A scope's decisions in the order they were made. */
    List<ThemeDecision> of(long jamId, long forumId) {
        return jdbc.sql(SELECT + " where jam_id = ? and forum_id = ? order by id")
                .params(jamId, forumId).query(ThemeDecisions::decision).list();
    }

    /** The latest decisions anywhere in a Jam, newest first: the record organisers read. */
    List<ThemeDecision> latestInJam(long jamId, int limit) {
        return jdbc.sql(SELECT + " where jam_id = ? order by id desc limit ?")
                .params(jamId, limit).query(ThemeDecisions::decision).list();
    }

    boolean isAnalyst(long jamId, long personId) {
        return jdbc.sql("select count(*) from theme_analyst where jam_id = ? and person_id = ?")
                .params(jamId, personId).query(Integer.class).single() > 0;
    }

    /** False when the person already was one. */
    boolean name(long jamId, long personId, long namedBy, Instant at) {
        if (isAnalyst(jamId, personId)) {
            return false;
        }
        jdbc.sql("insert into theme_analyst (jam_id, person_id, named_by, named_at) values (?, ?, ?, ?)")
                .params(jamId, personId, namedBy, Timestamp.from(at)).update();
        return true;
    }

    boolean remove(long jamId, long personId) {
        return jdbc.sql("delete from theme_analyst where jam_id = ? and person_id = ?")
                .params(jamId, personId).update() > 0;
    }

    List<Long> analysts(long jamId) {
        return jdbc.sql("select person_id from theme_analyst where jam_id = ? order by named_at, person_id")
                .param(jamId).query(Long.class).list();
    }

    private static ThemeDecision decision(ResultSet rs, int row) throws SQLException {
        String posts = rs.getString(7);
        return new ThemeDecision(rs.getLong(1), rs.getLong(2), ThemeDecision.Kind.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6),
                posts == null ? List.of() : Arrays.stream(posts.split(",")).map(Long::valueOf).toList(),
                rs.getLong(8), rs.getTimestamp(9).toInstant());
    }
}
