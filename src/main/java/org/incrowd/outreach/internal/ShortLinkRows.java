package org.incrowd.outreach.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.incrowd.outreach.ShortLink;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code short_link} and {@code short_link_visit} tables. Visit days are UTC days. */
@Repository
public class ShortLinkRows {

    private static final String COLUMNS = """
            l.id, l.code, l.slug, l.jam_id, l.forum_id, l.created_at, l.revoked_at,
            coalesce((select sum(v.visits) from short_link_visit v where v.link_id = l.id), 0) as visits,
            coalesce((select sum(v.visits) from short_link_visit v where v.link_id = l.id and v.visit_day > ?), 0) as week""";

    private final JdbcClient jdbc;

    ShortLinkRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String code, String slug, long jamId, Long forumId, long createdBy, Instant now) {
        jdbc.sql("""
                        insert into short_link (code, slug, jam_id, forum_id, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(code, slug, jamId, forumId, createdBy, Timestamp.from(now)).update();
    }

    /** Whether the key is a code or a slug of any link, revoked ones included (a key is never given out twice). */
    public boolean taken(String key) {
        return jdbc.sql("select count(*) from short_link where code = ? or slug = ?").params(key, key)
                .query(Long.class).single() > 0;
    }

    public Optional<ShortLink> findByKey(String key, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from short_link l where l.code = ? or l.slug = ?")
                .params(weekStart(now), key, key).query(ShortLinkRows::link).optional();
    }

    public List<ShortLink> ofJam(long jamId, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from short_link l where l.jam_id = ? order by l.created_at desc, l.id desc")
                .params(weekStart(now), jamId).query(ShortLinkRows::link).list();
    }

    public boolean revoke(long id, long revokedBy, Instant now) {
        return jdbc.sql("update short_link set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(now), revokedBy, id).update() == 1;
    }

    /** One more visit today: one row per link and day, so the count says how many, never who. */
    public void countVisit(long id, Instant now) {
        try {
            mergeVisit(id, now);
        } catch (org.springframework.dao.DuplicateKeyException firstOfTheDayTwice) {
            // Two first visits of a day at once on PostgreSQL: one inserted the row, the other now finds it.
            mergeVisit(id, now);
        }
    }

    private void mergeVisit(long id, Instant now) {
        jdbc.sql("""
                        merge into short_link_visit v
                        using (select cast(? as bigint) as link_id, cast(? as date) as visit_day) c
                        on v.link_id = c.link_id and v.visit_day = c.visit_day
                        when matched then update set visits = v.visits + 1
                        when not matched then insert (link_id, visit_day, visits) values (c.link_id, c.visit_day, 1)""")
                .params(id, java.sql.Date.valueOf(LocalDate.ofInstant(now, ZoneOffset.UTC))).update();
    }

    private static java.sql.Date weekStart(Instant now) {
        return java.sql.Date.valueOf(LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(7));
    }

    private static ShortLink link(ResultSet rs, int row) throws SQLException {
        long forum = rs.getLong("forum_id");
        Long forumId = rs.wasNull() ? null : forum;
        var revoked = rs.getTimestamp("revoked_at");
        return new ShortLink(rs.getLong("id"), rs.getString("code"), rs.getString("slug"), rs.getLong("jam_id"),
                forumId, rs.getTimestamp("created_at").toInstant(), revoked == null ? null : revoked.toInstant(),
                rs.getLong("visits"), rs.getLong("week"));
    }
}
