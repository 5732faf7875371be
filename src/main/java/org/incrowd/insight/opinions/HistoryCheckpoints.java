package org.incrowd.insight.opinions;

import java.util.HashSet;
import java.util.List;
import org.incrowd.insight.opinions.algorithm.HistoryCheckpoint;
import org.incrowd.insight.opinions.algorithm.MissingVotes;
import org.incrowd.insight.opinions.algorithm.OpinionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The live map's replay checkpoints kept in the database (ADR 55), so that a node that has none in memory (after a
 * restart, or on taking over a Jam's lease) resumes the replay where it last stood instead of at the first vote. A
 * stored point is only ever a shortcut: the replay uses it only when the fingerprint of its votes still matches, so
 * the map is the one a replay from the first vote gives, with or without rows here.
 *
 * <p>Each statement commits on its own: rows are written by whichever node passes an hour, and two nodes writing the
 * same key write the same bytes, so a duplicate is simply dropped.
 */
@Repository
class HistoryCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(HistoryCheckpoints.class);

    private final JdbcClient jdbc;

    HistoryCheckpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored points of a scope for this kind of replay; null when there are none. */
    HistoryCheckpoint load(long jamId, long forumId, OpinionSettings settings, MissingVotes missingVotes) {
        var stored = jdbc.sql("""
                        select state from opinion_history_checkpoint
                        where jam_id = ? and forum_id = ? and method = ?""")
                .params(jamId, forumId, HistoryCheckpoint.method(settings, missingVotes))
                .query((rs, n) -> rs.getBytes(1)).list();
        try {
            return HistoryCheckpoint.read(stored);
        } catch (RuntimeException unreadable) {
            dropUnreadable(jamId, forumId, unreadable);
            return null;
        }
    }

    /**
     * Drops a scope's rows when one cannot be read (a point's state is read only when a replay resumes from it):
     * they are only a shortcut, so the replay starts at the first vote and its pass stores the points anew.
     */
    void dropUnreadable(long jamId, long forumId, RuntimeException unreadable) {
        log.warn("Stored opinion checkpoints of Jam {} (forum {}) are unreadable; replaying from the first vote",
                jamId, forumId, unreadable);
        jdbc.sql("delete from opinion_history_checkpoint where jam_id = ? and forum_id = ?")
                .params(jamId, forumId).update();
    }

    /**
     * Stores the checkpoint's points that are not stored yet and drops the scope's other rows (points the replay no
     * longer keeps, hours whose votes changed, other methods). A pass within the same hour as the last writes nothing.
     */
    void keep(long jamId, long forumId, HistoryCheckpoint checkpoint) {
        var stored = new HashSet<>(jdbc.sql("""
                        select method, ends_hour, fingerprint from opinion_history_checkpoint
                        where jam_id = ? and forum_id = ?""")
                .params(jamId, forumId)
                .query((rs, n) -> new HistoryCheckpoint.Mark(rs.getString(1), rs.getLong(2), rs.getLong(3))).list());
        var wanted = checkpoint == null ? List.<HistoryCheckpoint.Mark>of() : checkpoint.marks();
        for (var mark : wanted) {
            if (!stored.remove(mark)) {
                insert(jamId, forumId, mark, checkpoint.bytesOf(mark));
            }
        }
        for (var dropped : stored) {
            jdbc.sql("""
                            delete from opinion_history_checkpoint
                            where jam_id = ? and forum_id = ? and method = ? and ends_hour = ? and fingerprint = ?""")
                    .params(jamId, forumId, dropped.method(), dropped.hour(), dropped.fingerprint()).update();
        }
    }

    private void insert(long jamId, long forumId, HistoryCheckpoint.Mark mark, byte[] state) {
        try {
            jdbc.sql("""
                            insert into opinion_history_checkpoint (jam_id, forum_id, method, ends_hour, fingerprint,
                                                                    state)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(jamId, forumId, mark.method(), mark.hour(), mark.fingerprint(), state).update();
        } catch (DuplicateKeyException sameBytesFromAnotherNode) {
            // Another node passed the same hour with the same votes: its row is this one.
        }
    }
}
