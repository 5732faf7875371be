package org.incrowd.privacy.internal.reveal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code reveal_request}: who asked to reveal which post's author, why, and what the second one decided. */
@Repository
public class RevealRows {

    /** A stored request; {@code state} is PENDING, APPROVED or DECLINED. */
    public record Row(long id, long postId, String reason, long requestedBy, Instant requestedAt, String state,
                      Long decidedBy, Instant decidedAt, String note) {
    }

    private static final String COLUMNS =
            "id, post_id, reason, requested_by, requested_at, state, decided_by, decided_at, note";

    private final JdbcClient jdbc;

    RevealRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long add(long postId, String reason, long requestedBy, Instant at) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into reveal_request (post_id, reason, requested_by, requested_at, state) "
                        + "values (:post, :reason, :by, :at, 'PENDING')")
                .param("post", postId).param("reason", reason).param("by", requestedBy)
                .param("at", java.sql.Timestamp.from(at))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from reveal_request where id = ?").param(id).query(RevealRows::row)
                .optional();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var decidedAt = rs.getTimestamp("decided_at");
        long by = rs.getLong("decided_by");
        Long decidedBy = rs.wasNull() ? null : by;
        return new Row(rs.getLong("id"), rs.getLong("post_id"), rs.getString("reason"), rs.getLong("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), rs.getString("state"), decidedBy,
                decidedAt == null ? null : decidedAt.toInstant(), rs.getString("note"));
    }

    public boolean pendingFor(long postId) {
        return jdbc.sql("select count(*) from reveal_request where post_id = ? and state = 'PENDING'").param(postId)
                .query(Long.class).single() > 0;
    }

    /** Pending requests, oldest first: they have waited longest. */
    public List<Row> pending() {
        return jdbc.sql("select " + COLUMNS + " from reveal_request where state = 'PENDING' order by requested_at, id")
                .query(RevealRows::row).list();
    }

    public List<Row> decided(int limit) {
        return jdbc.sql("select " + COLUMNS + " from reveal_request where state <> 'PENDING' "
                + "order by decided_at desc, id desc fetch first " + limit + " rows only").query(RevealRows::row).list();
    }

    /** Decides a pending request; false where someone decided it first (the request is no longer pending). */
    public boolean decide(long id, String state, long by, Instant at, String note) {
        return jdbc.sql("update reveal_request set state = :state, decided_by = :by, decided_at = :at, note = :note "
                        + "where id = :id and state = 'PENDING'")
                .param("state", state).param("by", by).param("at", java.sql.Timestamp.from(at)).param("note", note)
                .param("id", id).update() == 1;
    }
}
