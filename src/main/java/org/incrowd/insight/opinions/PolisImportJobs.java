package org.incrowd.insight.opinions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The import queue and each import's progress, in the database, so that both survive a restart. */
@Repository
class PolisImportJobs {

    /** A queued import: who started it, where its files wait. */
    record Queued(String id, long jamId, long forumId, long personId, String folder) {
    }

    private final JdbcClient jdbc;

    PolisImportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void queue(String id, long jamId, long forumId, long personId, String folder, Instant at) {
        jdbc.sql("""
                insert into polis_import (id, jam_id, forum_id, person_id, node_folder, state, queued_at)
                values (?, ?, ?, ?, ?, 'QUEUED', ?)""")
                .params(id, jamId, forumId, personId, folder, Timestamp.from(at)).update();
    }

    /** The queued imports whose files wait in {@code folderPrefix} (this node's), oldest first. */
    List<Queued> queued(String folderPrefix) {
        return jdbc.sql("""
                select id, jam_id, forum_id, person_id, node_folder from polis_import
                where state = 'QUEUED' and node_folder like ? order by queued_at, id""")
                .param(folderPrefix + "%")
                .query((rs, n) -> new Queued(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getString(5))).list();
    }

    /** Claims a queued import for running; false when another thread or node claimed it first. */
    boolean start(String id, Instant at) {
        return jdbc.sql("update polis_import set state = 'RUNNING', started_at = ? where id = ? and state = 'QUEUED'")
                .params(Timestamp.from(at), id).update() == 1;
    }

    void totals(String id, int statementsTotal, int leftOut, long votesTotal) {
        jdbc.sql("update polis_import set statements_total = ?, left_out = ?, votes_total = ? where id = ?")
                .params(statementsTotal, leftOut, votesTotal, id).update();
    }

    void progress(String id, int people, int statements, long votes) {
        jdbc.sql("update polis_import set people = ?, statements = ?, votes = ? where id = ?")
                .params(people, statements, votes, id).update();
    }

    void finish(String id, ImportProgress.State state, String problem, Instant at) {
        jdbc.sql("update polis_import set state = ?, problem = ?, finished_at = ? where id = ?")
                .params(state.name(), problem, Timestamp.from(at), id).update();
    }

    /**
     * Imports this node was running when it stopped: their writing cannot be resumed halfway, so they are marked
     * failed with the reason; the queued ones after them still run.
     */
    int failInterrupted(String folderPrefix, String problem, Instant at) {
        return jdbc.sql("""
                update polis_import set state = 'FAILED', problem = ?, finished_at = ?
                where state = 'RUNNING' and node_folder like ?""")
                .params(problem, Timestamp.from(at), folderPrefix + "%").update();
    }

    Optional<ImportProgress> find(String id) {
        return jdbc.sql("""
                select id, jam_id, forum_id, state, people, statements, statements_total, left_out, votes,
                       votes_total, problem, queued_at, finished_at
                from polis_import where id = ?""").param(id)
                .query((rs, n) -> new ImportProgress(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        ImportProgress.State.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6), rs.getInt(7),
                        rs.getInt(8), rs.getLong(9), rs.getLong(10), rs.getString(11),
                        rs.getTimestamp(12).toInstant(),
                        rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant()))
                .optional();
    }
}
