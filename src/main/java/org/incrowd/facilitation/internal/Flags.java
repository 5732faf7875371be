package org.incrowd.facilitation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Participants' flags and the moderation queue they make: open flags, grouped by post. */
@Repository
public class Flags {

    /** One flag as the queue shows it. */
    public record Flag(FlagReason reason, String detail, Instant createdAt) {
    }

    /** A post in the queue with every open flag on it, oldest first. */
    public record FlaggedPost(long postId, List<Flag> flags) {
    }

    private final JdbcClient jdbc;

    Flags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long postId, long jamId, long forumId, long personId, FlagReason reason, String detail, Instant now) {
        jdbc.sql("""
                insert into flag (post_id, jam_id, forum_id, person_id, reason, detail, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(postId, jamId, forumId, personId, reason.name(), detail, Timestamp.from(now)).update();
    }

    boolean hasOpenFlag(long postId, long personId) {
        return jdbc.sql("select count(*) from flag where post_id = ? and person_id = ? and resolved_at is null")
                .params(postId, personId).query(Long.class).single() > 0;
    }

    /** Closes every open flag on a post; returns how many were open. */
    int resolve(long postId, long resolvedBy, String outcome, Instant now) {
        return jdbc.sql("update flag set resolved_at = ?, resolved_by = ?, outcome = ? "
                        + "where post_id = ? and resolved_at is null")
                .params(Timestamp.from(now), resolvedBy, outcome, postId).update();
    }

    /** The forums' open flags, by post, the post flagged first at the top. */
    List<FlaggedPost> queue(long forumId, int limit) {
        var byPost = new LinkedHashMap<Long, List<Flag>>();
        jdbc.sql("""
                        select post_id, reason, detail, created_at from flag
                        where forum_id = ? and resolved_at is null
                        order by (select min(f.created_at) from flag f
                                  where f.post_id = flag.post_id and f.resolved_at is null), post_id, id""")
                .param(forumId)
                .query((rs, n) -> {
                    byPost.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Flag(
                            FlagReason.valueOf(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant()));
                    return null;
                }).list();
        return byPost.entrySet().stream().limit(limit).map(e -> new FlaggedPost(e.getKey(), e.getValue())).toList();
    }

    /** Open flags per forum of a Jam, for the organisers' overview. */
    java.util.Map<Long, Long> openPerForum(long jamId) {
        var counts = new LinkedHashMap<Long, Long>();
        jdbc.sql("select forum_id, count(distinct post_id) from flag where jam_id = ? and resolved_at is null "
                        + "group by forum_id")
                .param(jamId).query((rs, n) -> counts.put(rs.getLong(1), rs.getLong(2))).list();
        return counts;
    }

    long raisedSince(long forumId, Instant since) {
        return jdbc.sql("select count(*) from flag where forum_id = ? and created_at > ?")
                .params(forumId, Timestamp.from(since)).query(Long.class).single();
    }
}
