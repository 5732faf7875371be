package org.incrowd.facilitation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notes facilitators leave for the next shift of a forum. */
@Repository
public class HandOffNotes {

    public record HandOffNote(long id, long forumId, long authorId, String body, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    HandOffNotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long forumId, long authorId, String body, Instant now) {
        jdbc.sql("insert into handoff_note (forum_id, author_id, body, created_at) values (?, ?, ?, ?)")
                .params(forumId, authorId, body, Timestamp.from(now)).update();
    }

    /** The latest notes of a forum, newest first. */
    List<HandOffNote> latest(long forumId, int limit) {
        return jdbc.sql("select id, forum_id, author_id, body, created_at from handoff_note where forum_id = ? "
                        + "order by id desc limit ?")
                .params(forumId, limit)
                .query((rs, n) -> new HandOffNote(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }
}
