package org.incrowd.review.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.incrowd.shared.RowCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who reviews which ideas (table {@code review_assignment}). A reviewer's ideas are those of the forums and themes
 * assigned to them, whenever posted, and the ideas assigned by hand: {@link #scopeOf} turns that into one SQL
 * condition on {@code idea_review r}, so that the queue and the access checks read the review tables alone.
 */
@Repository
public class Assignments {

    /** One assignment; exactly one of forumId, themeKey and ideaId is set. */
    public record Assignment(long id, long jamId, long reviewerId, Long forumId, String themeKey, Long ideaId,
                             Instant dueAt) {
    }

    /** The condition naming a reviewer's ideas, with its parameters (prefix {@code scope_}). */
    public record Scope(String condition, java.util.Map<String, Object> params) {
    }

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    /**
     * Each reviewer's scope in a Jam: every thread page asks whether its reader reviews the idea, and almost nobody
     * does. Evicted where assignments are written (ADR 51).
     */
    private final RowCache<ReviewerInJam, Scope> scopes = RowCache.of(200_000);

    private record ReviewerInJam(long jamId, long reviewerId) {
    }

    Assignments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(long jamId, long reviewerId, Long forumId, String themeKey, Long ideaId, Instant dueAt) {
        jdbc.sql("""
                        insert into review_assignment (jam_id, reviewer_id, forum_id, theme_key, idea_id, due_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(jamId, reviewerId, forumId, themeKey, ideaId, dueAt == null ? null : Timestamp.from(dueAt))
                .update();
        scopes.evict(new ReviewerInJam(jamId, reviewerId));
    }

    public List<Assignment> ofJam(long jamId) {
        return jdbc.sql("""
                        select id, jam_id, reviewer_id, forum_id, theme_key, idea_id, due_at from review_assignment
                        where jam_id = ? order by reviewer_id, id""")
                .param(jamId).query((rs, n) -> new Assignment(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getObject(4, Long.class), rs.getString(5), rs.getObject(6, Long.class),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .list();
    }

    public int remove(long jamId, long assignmentId) {
        scopes.evictIf(key -> key.jamId() == jamId);
        return jdbc.sql("delete from review_assignment where jam_id = ? and id = ?").params(jamId, assignmentId)
                .update();
    }

    public void removeAll(long jamId) {
        jdbc.sql("delete from review_assignment where jam_id = ?").param(jamId).update();
        scopes.evictIf(key -> key.jamId() == jamId);
    }

    public boolean hasAny(long jamId, long reviewerId) {
        return jdbc.sql("select count(*) from review_assignment where jam_id = ? and reviewer_id = ?")
                .params(jamId, reviewerId).query(Long.class).single() > 0;
    }

    /** The reviewer's ideas as a condition on {@code idea_review r} (never true for someone with no assignment). */
    public Scope scopeOf(long jamId, long reviewerId) {
        return scopes.get(new ReviewerInJam(jamId, reviewerId), key -> readScope(key.jamId(), key.reviewerId()));
    }

    private Scope readScope(long jamId, long reviewerId) {
        var forums = new ArrayList<Long>();
        var themes = new ArrayList<String>();
        boolean byHand = false;
        for (var a : jdbc.sql("select forum_id, theme_key, idea_id from review_assignment"
                        + " where jam_id = ? and reviewer_id = ?").params(jamId, reviewerId)
                .query((rs, n) -> new Object[] {rs.getObject(1, Long.class), rs.getString(2),
                        rs.getObject(3, Long.class)}).list()) {
            if (a[0] != null) {
                forums.add((Long) a[0]);
            } else if (a[1] != null) {
                themes.add((String) a[1]);
            } else {
                byHand = true;
            }
        }
        var parts = new ArrayList<String>();
        var params = new java.util.HashMap<String, Object>();
        if (!forums.isEmpty()) {
            parts.add("r.forum_id in (:scope_forums)");
            params.put("scope_forums", forums);
        }
        if (!themes.isEmpty()) {
            parts.add("r.theme_key in (:scope_themes)");
            params.put("scope_themes", themes);
        }
        if (byHand) {
            parts.add("r.idea_id in (select a.idea_id from review_assignment a where a.jam_id = :scope_jam"
                    + " and a.reviewer_id = :scope_reviewer and a.idea_id is not null)");
            params.put("scope_jam", jamId);
            params.put("scope_reviewer", reviewerId);
        }
        // Immutable: the scope is cached and shared by every request of this reviewer.
        return new Scope(parts.isEmpty() ? "1 = 0" : "(" + String.join(" or ", parts) + ")",
                java.util.Map.copyOf(params));
    }

    /** Whether every one of the ideas is the reviewer's. */
    public boolean covers(long jamId, long reviewerId, Collection<Long> ideaIds) {
        var scope = scopeOf(jamId, reviewerId);
        var ids = List.copyOf(ideaIds);
        if (scope.params().isEmpty()) {
            return ids.isEmpty(); // no assignment in this Jam: nothing to count
        }
        long covered = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            covered += jdbc.sql("select count(*) from idea_review r where r.jam_id = :jam and r.idea_id in (:ids)"
                            + " and " + scope.condition())
                    .param("jam", jamId).param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .params(scope.params()).query(Long.class).single();
        }
        return covered == ids.size();
    }
}
