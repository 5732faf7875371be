package org.incrowd.insight.opinions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    private record Scope(long jamId, long forumId) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Map<Scope, OpinionSnapshot> parsed = new ConcurrentHashMap<>();

    OpinionSnapshots(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional
    void save(OpinionSnapshot snapshot) {
        var scope = new Scope(snapshot.jamId(), snapshot.forumId());
        String result = json.writeValueAsString(snapshot);
        int updated = jdbc.sql("""
                        update opinion_snapshot set computed_at = ?, participants = ?, statements = ?, votes = ?,
                               result = ?
                        where jam_id = ? and forum_id = ?""")
                .params(Timestamp.from(snapshot.computedAt()), snapshot.participants(), snapshot.statements(),
                        snapshot.votes(), result, scope.jamId(), scope.forumId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into opinion_snapshot (jam_id, forum_id, computed_at, participants, statements,
                                                          votes, result)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(scope.jamId(), scope.forumId(), Timestamp.from(snapshot.computedAt()),
                            snapshot.participants(), snapshot.statements(), snapshot.votes(), result)
                    .update();
        }
        parsed.put(scope, snapshot);
    }

    /** The latest map of a Jam (forumId {@link OpinionSnapshot#WHOLE_JAM}) or forum, if one was computed. */
    Optional<OpinionSnapshot> latest(long jamId, long forumId) {
        var scope = new Scope(jamId, forumId);
        var stored = computedAt(jamId, forumId);
        if (stored.isEmpty()) {
            parsed.remove(scope);
            return Optional.empty();
        }
        var cached = parsed.get(scope);
        if (cached != null && cached.computedAt().equals(stored.get())) {
            return Optional.of(cached);
        }
        var fresh = jdbc.sql("select result from opinion_snapshot where jam_id = ? and forum_id = ?")
                .params(jamId, forumId).query(String.class).optional()
                .map(text -> json.readValue(text, OpinionSnapshot.class));
        fresh.ifPresent(snapshot -> parsed.put(scope, snapshot));
        return fresh;
    }

    Optional<Instant> computedAt(long jamId, long forumId) {
        return jdbc.sql("select computed_at from opinion_snapshot where jam_id = ? and forum_id = ?")
                .params(jamId, forumId).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }
}
