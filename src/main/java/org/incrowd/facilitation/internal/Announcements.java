package org.incrowd.facilitation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.incrowd.shared.RowCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Announcements to a whole Jam or to one forum, corrected or withdrawn in the console, dismissed by readers. */
@Repository
public class Announcements {

    public record Announcement(long id, long jamId, Long forumId, long authorId, String body, Instant createdAt,
                               Instant editedAt, Instant withdrawnAt) {

        public boolean withdrawn() {
            return withdrawnAt != null;
        }
    }

    private static final String COLUMNS = "id, jam_id, forum_id, author_id, body, created_at, edited_at, withdrawn_at";

    /** Enough for a Jam's announcements of the last days; a page shows a few. */
    private static final int KEPT_PER_JAM = 100;

    private final JdbcClient jdbc;
    /** A Jam's announcements not withdrawn, newest first, read by every page of the Jam (ADR 51). */
    private final RowCache<Long, List<Announcement>> standing = RowCache.of(10_000);

    Announcements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(long jamId, Long forumId, long authorId, String body, Instant now) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("insert into announcement (jam_id, forum_id, author_id, body, created_at) values (?, ?, ?, ?, ?)")
                .params(jamId, forumId, authorId, body, Timestamp.from(now)).update(key, "id");
        standing.evict(jamId);
        return key.getKeyAs(Long.class);
    }

    Optional<Announcement> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from announcement where id = ?").param(id)
                .query(Announcements::announcement).optional();
    }

    void edit(long id, String body, Instant now) {
        jdbc.sql("update announcement set body = ?, edited_at = ? where id = ?")
                .params(body, Timestamp.from(now), id).update();
        standing.evictAll(); // edits and withdrawals are rare
    }

    void withdraw(long id, Instant now) {
        jdbc.sql("update announcement set withdrawn_at = ? where id = ? and withdrawn_at is null")
                .params(Timestamp.from(now), id).update();
        standing.evictAll();
    }

    /** Remembered per person; dismissing twice is the same as once. */
    void dismiss(long id, long personId, Instant now) {
        jdbc.sql("""
                        insert into announcement_dismissal (announcement_id, person_id, dismissed_at)
                        select ?, ?, ? where not exists (
                            select 1 from announcement_dismissal where announcement_id = ? and person_id = ?)""")
                .params(id, personId, Timestamp.from(now), id, personId).update();
    }

    /**
     * The latest announcements a reader of this place sees: the Jam's, and the forum's when one is given; neither
     * withdrawn ones nor those this reader dismissed.
     */
    List<Announcement> latest(long jamId, Long forumId, long readerId, Instant since, int limit) {
        var shown = standing.get(jamId, id -> jdbc.sql("select " + COLUMNS
                        + " from announcement where jam_id = ? and withdrawn_at is null order by id desc limit ?")
                        .params(id, KEPT_PER_JAM).query(Announcements::announcement).list())
                .stream().filter(a -> a.createdAt().isAfter(since)
                        && (a.forumId() == null || a.forumId().equals(forumId))).toList();
        if (shown.isEmpty()) {
            return shown; // the usual case: no query for the reader's dismissals either
        }
        var dismissed = new java.util.HashSet<>(jdbc.sql(
                        "select announcement_id from announcement_dismissal where person_id = :reader and announcement_id in (:ids)")
                .param("reader", readerId).param("ids", shown.stream().map(Announcement::id).toList())
                .query(Long.class).list());
        return shown.stream().filter(a -> !dismissed.contains(a.id())).limit(limit).toList();
    }

    /** Everything announced to exactly this place (the whole Jam when {@code forumId} is null), newest first. */
    List<Announcement> of(long jamId, Long forumId, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from announcement
                        where jam_id = :jam and (forum_id = cast(:forum as bigint)
                                                 or (forum_id is null and cast(:forum as bigint) is null))
                        order by id desc limit :limit""")
                .param("jam", jamId).param("forum", forumId).param("limit", limit)
                .query(Announcements::announcement)
                .list();
    }

    private static Announcement announcement(ResultSet rs, int row) throws SQLException {
        return new Announcement(rs.getLong(1), rs.getLong(2), rs.getObject(3) == null ? null : rs.getLong(3),
                rs.getLong(4), rs.getString(5), rs.getTimestamp(6).toInstant(), instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
