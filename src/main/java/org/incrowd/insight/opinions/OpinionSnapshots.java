package org.incrowd.insight.opinions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.incrowd.insight.shared.ParsedSnapshots;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored opinion maps. A map is parsed once per node and kept until a newer one is stored: pages ask only for its
 * time, so a 150,000-person map does not cost a page view its parse.
 */
@Repository
class OpinionSnapshots {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    /** About six maps of a 150,000-person Jam, or very many small ones (a placement is about 60 bytes). */
    static final long KEPT_ELEMENTS = 1_000_000;

    private final ParsedSnapshots<OpinionSnapshot> parsed = new ParsedSnapshots<>(OpinionSnapshot::computedAt,
            OpinionSnapshot::elements, KEPT_ELEMENTS);

    OpinionSnapshots(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional
    void save(OpinionSnapshot snapshot) {
        String result = json.writeValueAsString(snapshot);
        int updated = jdbc.sql("""
                        update opinion_snapshot set computed_at = ?, participants = ?, statements = ?, votes = ?,
                               result = ?
                        where jam_id = ? and forum_id = ?""")
                .params(Timestamp.from(snapshot.computedAt()), snapshot.participants(), snapshot.statements(),
                        snapshot.votes(), result, snapshot.jamId(), snapshot.forumId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into opinion_snapshot (jam_id, forum_id, computed_at, participants, statements,
                                                          votes, result)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(snapshot.jamId(), snapshot.forumId(), Timestamp.from(snapshot.computedAt()),
                            snapshot.participants(), snapshot.statements(), snapshot.votes(), result)
                    .update();
        }
        parsed.keep(snapshot.jamId(), snapshot.forumId(), snapshot);
    }

    /** The latest map of a Jam (forumId {@link OpinionSnapshot#WHOLE_JAM}) or forum, if one was computed. */
    Optional<OpinionSnapshot> latest(long jamId, long forumId) {
        return parsed.latest(jamId, forumId, computedAt(jamId, forumId), () -> jdbc
                .sql("select result from opinion_snapshot where jam_id = ? and forum_id = ?").params(jamId, forumId)
                .query(String.class).optional().map(text -> json.readValue(text, OpinionSnapshot.class)));
    }

    Optional<Instant> computedAt(long jamId, long forumId) {
        return jdbc.sql("select computed_at from opinion_snapshot where jam_id = ? and forum_id = ?")
                .params(jamId, forumId).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }
}
