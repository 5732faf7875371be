package org.incrowd.facilitation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.incrowd.shared.RowCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Guests (a VIP, an executive, an expert) scheduled to answer in a forum for a time slot. */
@Repository
public class GuestSessions {

    public record GuestSession(long id, long jamId, long forumId, long personId, String label, Instant startsAt,
                        Instant endsAt, Instant startedAt) {

        public boolean liveAt(Instant now) {
            return !now.isBefore(startsAt) && now.isBefore(endsAt);
        }
    }

    private static final String COLUMNS = "id, jam_id, forum_id, person_id, label, starts_at, ends_at, started_at";

    /** Enough for any Jam's sessions not yet over; the page shows five. */
    private static final int KEPT_PER_JAM = 200;

    private final JdbcClient jdbc;
    /** The sessions of a Jam that are not over yet, read by every page of the Jam (ADR 51). */
    private final RowCache<Long, List<GuestSession>> notOver = RowCache.of(10_000);

    GuestSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long jamId, long forumId, long personId, String label, Instant startsAt, Instant endsAt,
             long createdBy) {
        jdbc.sql("""
                insert into guest_session (jam_id, forum_id, person_id, label, starts_at, ends_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(jamId, forumId, personId, label, Timestamp.from(startsAt), Timestamp.from(endsAt), createdBy)
                .update();
        notOver.evict(jamId);
    }

    /** The session in which this person is the forum's guest right now, if any. */
    Optional<GuestSession> liveFor(long forumId, long personId, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from guest_session where forum_id = ? and person_id = ? "
                        + "and starts_at <= ? and ends_at > ? order by starts_at limit 1")
                .params(forumId, personId, Timestamp.from(now), Timestamp.from(now))
                .query(GuestSessions::row).optional();
    }

    /** Sessions of a Jam (or of one forum) that have not ended, soonest first. */
    List<GuestSession> current(long jamId, Long forumId, Instant now, int limit) {
        return notOver.get(jamId, id -> jdbc.sql("select " + COLUMNS + " from guest_session where jam_id = ? "
                                + "and ends_at > ? order by starts_at, id limit ?")
                        .params(id, Timestamp.from(now), KEPT_PER_JAM).query(GuestSessions::row).list())
                .stream().filter(session -> session.endsAt().isAfter(now)
                        && (forumId == null || session.forumId() == forumId))
                .limit(limit).toList();
    }

    /** Sessions whose slot has begun but whose start nobody has announced yet. */
    List<GuestSession> dueToStart(Instant now) {
        return jdbc.sql("select " + COLUMNS + " from guest_session where started_at is null and starts_at <= ? "
                        + "and ends_at > ? order by starts_at, id")
                .params(Timestamp.from(now), Timestamp.from(now)).query(GuestSessions::row).list();
    }

    /** Claims the announcement of a start; false when another node already made it. */
    boolean markStarted(long id, Instant now) {
        notOver.evictAll();
        return jdbc.sql("update guest_session set started_at = ? where id = ? and started_at is null")
                .params(Timestamp.from(now), id).update() == 1;
    }

    private static GuestSession row(ResultSet rs, int n) throws SQLException {
        var started = rs.getTimestamp(8);
        return new GuestSession(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
                started == null ? null : started.toInstant());
    }
}
