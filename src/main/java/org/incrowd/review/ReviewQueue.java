package org.incrowd.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.PostFeed;
import org.incrowd.discussion.PostText;
import org.incrowd.identity.Actor;
import org.incrowd.review.internal.Assignments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queue: a Jam's ideas filtered by stage, forum, theme, score, waiting time, the author's participant
 * type and due date, for organisers (all ideas) and assigned reviewers (theirs). Every filter is a condition on
 * {@code idea_review} alone, where the score, theme and due date are kept, so a page of a 50,000-idea Jam is one
 * indexed query plus one count; only the titles of the page's ideas are read from the posts.
 */
@Service
public class ReviewQueue {

    public static final int PAGE_SIZE = 50;
    /** The most ideas one "select all matching" takes (a bulk decision beyond this is split by the organiser). */
    public static final int MAX_SELECTION = 20_000;

    private final ReviewAccess access;
    private final Assignments assignments;
    private final PostFeed posts;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReviewQueue(ReviewAccess access, Assignments assignments, PostFeed posts, JdbcClient jdbc, Clock clock) {
        this.access = access;
        this.assignments = assignments;
        this.posts = posts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public QueuePage page(Actor actor, long jamId, QueueFilter filter, int page) {
        access.requireReviewer(actor, jamId);
        var where = where(actor, jamId, filter);
        int current = Math.clamp(page, 0, 1_000_000);
        long total = jdbc.sql("select count(*) from idea_review r where " + where.sql).params(where.params)
                .query(Long.class).single();
        var rows = jdbc.sql("""
                        select r.idea_id, r.forum_id, r.author_type, r.stage_key, r.stage_since, r.posted_at, r.score,
                            r.score_low, r.score_high, r.scorers, r.theme_key, r.due_at, r.decided_at
                        from idea_review r where""" + " " + where.sql + " order by " + order(filter)
                        + " offset :offset rows fetch next :limit rows only")
                .params(where.params).param("offset", current * PAGE_SIZE).param("limit", PAGE_SIZE)
                .query((rs, n) -> new QueuePage.Row(rs.getLong(1), null, rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
                        rs.getObject(7, Double.class), rs.getObject(8, Double.class), rs.getObject(9, Double.class),
                        rs.getInt(10), rs.getString(11), instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13))))
                .list();
        var titles = new HashMap<Long, String>();
        if (!rows.isEmpty()) {
            posts.texts(rows.stream().map(QueuePage.Row::ideaId).toList())
                    .forEach((PostText text) -> titles.put(text.id(), text.title()));
        }
        var named = rows.stream().map(row -> new QueuePage.Row(row.ideaId(), titles.getOrDefault(row.ideaId(), ""),
                row.forumId(), row.authorType(), row.stageKey(), row.stageSince(), row.postedAt(), row.score(),
                row.low(), row.high(), row.scorers(), row.themeKey(), row.dueAt(), row.decidedAt())).toList();
        return new QueuePage(named, total, current, PAGE_SIZE);
    }

    /** The ids of every idea matching the filters, in queue order ("select all N matching"), at most MAX_SELECTION. */
    @Transactional(readOnly = true)
    public List<Long> allIds(Actor actor, long jamId, QueueFilter filter) {
        access.requireReviewer(actor, jamId);
        var where = where(actor, jamId, filter);
        return jdbc.sql("select r.idea_id from idea_review r where " + where.sql + " order by " + order(filter)
                        + " fetch first " + MAX_SELECTION + " rows only")
                .params(where.params).query(Long.class).list();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private Where where(Actor actor, long jamId, QueueFilter f) {
        var conditions = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        conditions.add("r.jam_id = :jam");
        params.put("jam", jamId);
        if (f.mine() || !access.isOrganiser(actor)) {
            var scope = assignments.scopeOf(jamId, actor.personId());
            conditions.add(scope.condition());
            params.putAll(scope.params());
        }
        if (f.stage() != null) {
            conditions.add("r.stage_key = :stage");
            params.put("stage", f.stage());
        }
        if (f.forum() != null) {
            conditions.add("r.forum_id = :forum");
            params.put("forum", f.forum());
        }
        if (f.theme() != null) {
            conditions.add("r.theme_key = :theme");
            params.put("theme", f.theme());
        }
        if (f.type() != null) {
            conditions.add("r.author_type = :type");
            params.put("type", f.type());
        }
        if (f.minScore() != null) {
            conditions.add("r.score >= :minScore");
            params.put("minScore", f.minScore());
        }
        if (f.maxScore() != null) {
            conditions.add("r.score <= :maxScore");
            params.put("maxScore", f.maxScore());
        }
        if (f.waitingDays() != null) {
            conditions.add("r.stage_since <= :waitingSince");
            params.put("waitingSince", Timestamp.from(clock.instant().minus(Duration.ofDays(f.waitingDays()))));
        }
        if (f.overdue()) {
            conditions.add("r.due_at < :now and r.decided_at is null");
            params.put("now", Timestamp.from(clock.instant()));
        }
        return new Where(String.join(" and ", conditions), params);
    }

    /** Each order ends with the idea id, so that paging is stable. */
    private static String order(QueueFilter filter) {
        return switch (filter.sortOrDefault()) {
            case "score" -> "r.score desc nulls last, r.idea_id";
            case "newest" -> "r.posted_at desc, r.idea_id desc";
            case "due" -> "r.due_at asc nulls last, r.idea_id";
            default -> "r.stage_since, r.idea_id";
        };
    }

    private static java.time.Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
