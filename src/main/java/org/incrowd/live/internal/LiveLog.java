package org.incrowd.live.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.incrowd.live.LiveEvent;
import org.incrowd.shared.LiveEventType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The live_event table. */
@Repository
class LiveLog {

    /** The length of {@code live_event.payload} (V5): a longer payload would make the insert fail. */
    static final int MAX_PAYLOAD = 2000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AppendsInFlight inFlight;

    LiveLog(JdbcClient jdbc, TransactionTemplate transactions, AppendsInFlight inFlight) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.inFlight = inFlight;
    }

    /**
     * Runs in the caller's transaction (or a transaction of its own): the event exists exactly when the change does.
     * The append is counted in flight until that transaction ends, so the dispatcher knows whether to wait for it.
     */
    void append(long jamId, Long forumId, Long threadId, LiveEventType type, String payload, Instant now) {
        transactions.executeWithoutResult(status -> {
            inFlight.begin();
            jdbc.sql("insert into live_event (jam_id, forum_id, thread_id, type, payload, created_at) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(jamId, forumId, threadId, type.wireName(), payload, Timestamp.from(now)).update();
        });
    }

    /** Events after {@code id}, oldest first. */
    List<LiveEvent> after(long id, int limit) {
        return jdbc.sql("select id, jam_id, forum_id, thread_id, type, payload from live_event where id > ? "
                        + "order by id limit ?")
                .params(id, limit).query(LiveLog::event).list();
    }

    /** At most {@code limit} events of one Jam in (after, upTo], oldest first: what a reconnecting browser missed. */
    List<LiveEvent> between(long jamId, long after, long upTo, int limit) {
        return jdbc.sql("select id, jam_id, forum_id, thread_id, type, payload from live_event "
                        + "where jam_id = ? and id > ? and id <= ? order by id limit ?")
                .params(jamId, after, upTo, limit).query(LiveLog::event).list();
    }

    /**
     * The id after which events were created at or after {@code time}: the newest older event's id, or just before
     * the oldest kept event when all are newer; null when the log is empty.
     */
    Long lastIdBefore(Instant time) {
        Long before = jdbc.sql("select max(id) from live_event where created_at < ?").param(Timestamp.from(time))
                .query(Long.class).optional().orElse(null);
        if (before != null) {
            return before;
        }
        return jdbc.sql("select min(id) - 1 from live_event").query(Long.class).optional().orElse(null);
    }

    long latestId() {
        return jdbc.sql("select coalesce(max(id), 0) from live_event").query(Long.class).single();
    }

    /** The oldest id still kept, or null when the log is empty. */
    Long oldestId() {
        return jdbc.sql("select min(id) from live_event").query(Long.class).optional().orElse(null);
    }

    int deleteBefore(Instant cutoff) {
        return jdbc.sql("delete from live_event where created_at < ?").param(Timestamp.from(cutoff)).update();
    }

    private static LiveEvent event(ResultSet rs, int row) throws SQLException {
        return new LiveEvent(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class),
                (Long) rs.getObject(4, Long.class), rs.getString(5), rs.getString(6));
    }
}
