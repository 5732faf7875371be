package org.incrowd.review.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.incrowd.review.IdeaJoin;
import org.incrowd.review.JoinKind;
import org.incrowd.review.JoinState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Proposals to join ideas (table {@code idea_join}). */
@Repository
public class JoinRows {

    private static final String SELECT = """
            select id, jam_id, kind, idea_id, other_id, idea_author_id, other_author_id, note, proposed_by,
                proposed_at, state, idea_consent, other_consent, done_at, ended_at from idea_join""";

    private final JdbcClient jdbc;

    JoinRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long jamId, JoinKind kind, long ideaId, long otherId, long ideaAuthorId, long otherAuthorId,
                       String note, long proposedBy, Instant at) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        insert into idea_join (jam_id, kind, idea_id, other_id, idea_author_id, other_author_id, note,
                            proposed_by, proposed_at, state) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED')""")
                .params(jamId, kind.name(), ideaId, otherId, ideaAuthorId, otherAuthorId, note, proposedBy,
                        Timestamp.from(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<IdeaJoin> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(JoinRows::join).optional();
    }

    /** The proposal, locked against a second answer being written at the same moment. */
    public Optional<IdeaJoin> lock(long id) {
        return jdbc.sql(SELECT + " where id = ? for update").param(id).query(JoinRows::join).optional();
    }

    /** Proposals open or carried out that concern any of the ideas, oldest first. */
    public List<IdeaJoin> standingOf(Collection<Long> ideaIds) {
        if (ideaIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where state in ('PROPOSED', 'DONE') and (idea_id in (:ids) or other_id in (:ids))"
                        + " order by id")
                .param("ids", ideaIds).query(JoinRows::join).list();
    }

    public void answer(long id, Boolean ideaConsent, Boolean otherConsent) {
        jdbc.sql("update idea_join set idea_consent = ?, other_consent = ? where id = ?")
                .params(ideaConsent, otherConsent, id).update();
    }

    public void state(long id, JoinState state, Instant at) {
        String when = state == JoinState.DONE ? "done_at" : "ended_at";
        jdbc.sql("update idea_join set state = ?, " + when + " = ? where id = ?")
                .params(state.name(), Timestamp.from(at), id).update();
    }

    private static IdeaJoin join(ResultSet rs, int row) throws SQLException {
        return new IdeaJoin(rs.getLong(1), rs.getLong(2), JoinKind.valueOf(rs.getString(3)), rs.getLong(4),
                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getLong(9),
                rs.getTimestamp(10).toInstant(), JoinState.valueOf(rs.getString(11)),
                (Boolean) rs.getObject(12, Boolean.class), (Boolean) rs.getObject(13, Boolean.class),
                instant(rs.getTimestamp(14)), instant(rs.getTimestamp(15)));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
