package org.incrowd.facilitation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Announcements to a whole Jam or to one forum. */
@Repository
public class Announcements {

    public record Announcement(long id, long jamId, Long forumId, long authorId, String body, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    Announcements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(long jamId, Long forumId, long authorId, String body, Instant now) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("insert into announcement (jam_id, forum_id, author_id, body, created_at) values (?, ?, ?, ?, ?)")
                .params(jamId, forumId, authorId, body, Timestamp.from(now)).update(key, "id");
        return key.getKeyAs(Long.class);
    }

    /** The latest announcements a reader of this place sees: the Jam's, and the forum's when one is given. */
    List<Announcement> latest(long jamId, Long forumId, Instant since, int limit) {
        return jdbc.sql("""
                        select id, jam_id, forum_id, author_id, body, created_at from announcement
                        where jam_id = :jam and created_at > :since
                          and (forum_id is null or forum_id = cast(:forum as bigint))
                        order by id desc limit :limit""")
                .param("jam", jamId).param("forum", forumId).param("since", Timestamp.from(since))
                .param("limit", limit)
                .query((rs, n) -> new Announcement(rs.getLong(1), rs.getLong(2),
                        rs.getObject(3) == null ? null : rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }
}
