package org.incrowd.facilitation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Everything facilitators do: who, what, when, and why. Appended in the transaction of the action itself. */
@Repository
public class AuditLog {

    /** What a facilitator did; the message key {@code audit.<ACTION>} says it in words. */
    public enum Action {
        HIDE, RESTORE, KEEP, PIN, UNPIN, SPOTLIGHT, UNSPOTLIGHT, MOVE, ANNOUNCE, EDIT_ANNOUNCEMENT, WITHDRAW_ANNOUNCEMENT, SCHEDULE_GUEST,
        HANDOFF_NOTE;

        public String messageKey() {
            return "audit." + name();
        }
    }

    public record Entry(long id, long jamId, Long forumId, long actorId, Action action, Long postId, String detail,
                 Instant createdAt) {
    }

    private static final String COLUMNS = "id, jam_id, forum_id, actor_id, action, post_id, detail, created_at";

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long jamId, Long forumId, long actorId, Action action, Long postId, String detail, Instant now) {
        jdbc.sql("""
                insert into facilitation_action (jam_id, forum_id, actor_id, action, post_id, detail, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(jamId, forumId, actorId, action.name(), postId, detail, Timestamp.from(now)).update();
    }

    List<Entry> ofJam(long jamId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from facilitation_action where jam_id = ? order by id desc limit ?")
                .params(jamId, limit).query(AuditLog::row).list();
    }

    List<Entry> ofForum(long forumId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from facilitation_action where forum_id = ? order by id desc limit ?")
                .params(forumId, limit).query(AuditLog::row).list();
    }

    private static Entry row(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getLong(1), rs.getLong(2), rs.getObject(3) == null ? null : rs.getLong(3),
                rs.getLong(4), Action.valueOf(rs.getString(5)), rs.getObject(6) == null ? null : rs.getLong(6),
                rs.getString(7), rs.getTimestamp(8).toInstant());
    }
}
