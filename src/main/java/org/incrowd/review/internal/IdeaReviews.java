package org.incrowd.review.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where each idea stands in its review (table {@code idea_review}). */
@Repository
public class IdeaReviews {

    /** Where one idea stands, as decisions need it. */
    public record Standing(long ideaId, long jamId, long forumId, long authorId, String stageKey) {
    }

    /** Ids per statement where ideas are named one by one (bulk decisions on thousands). */
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    IdeaReviews(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A new idea starts in the new stage; a second call for the same idea changes nothing. */
    void add(long ideaId, long jamId, long forumId, long authorId, String authorType, String authorUnit,
             Instant postedAt) {
        jdbc.sql("""
                        merge into idea_review r using (values (cast(? as bigint))) v (idea_id) on r.idea_id = v.idea_id
                        when not matched then insert (idea_id, jam_id, forum_id, author_id, author_type, author_unit,
                            posted_at, stage_key, stage_since) values (v.idea_id, ?, ?, ?, ?, ?, ?, 'new', ?)""")
                .params(ideaId, jamId, forumId, authorId, authorType, authorUnit, Timestamp.from(postedAt),
                        Timestamp.from(postedAt)).update();
    }

    /** The idea has another author now (a proxy idea its person claimed): the queue and decisions follow them. */
    void reassign(long ideaId, long authorId, String authorType, String authorUnit) {
        jdbc.sql("update idea_review set author_id = ?, author_type = ?, author_unit = ? where idea_id = ?")
                .params(authorId, authorType, authorUnit, ideaId).update();
    }

    void moveThread(long ideaId, long forumId) {
        jdbc.sql("update idea_review set forum_id = ? where idea_id = ?").params(forumId, ideaId).update();
    }

    long lastIdeaId() {
        return jdbc.sql("select coalesce(max(idea_id), 0) from idea_review").query(Long.class).single();
    }

    /** The ideas among {@code ideaIds} that belong to the Jam; ids of other Jams and of replies are left out. */
    public List<Standing> standings(long jamId, Collection<Long> ideaIds) {
        var found = new ArrayList<Standing>(ideaIds.size());
        var ids = List.copyOf(ideaIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            found.addAll(jdbc.sql("select idea_id, jam_id, forum_id, author_id, stage_key from idea_review"
                            + " where jam_id = :jam and idea_id in (:ids)")
                    .param("jam", jamId).param("ids", chunk)
                    .query((rs, n) -> new Standing(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getString(5))).list());
        }
        return found;
    }

    /** Moves the ideas to a stage in one batch, keeping when each was first acknowledged and when decided. */
    public void move(Collection<Long> ideaIds, String stageKey, boolean acknowledges, boolean decides, String reason,
              Instant at) {
        var now = Timestamp.from(at);
        template.batchUpdate("""
                        update idea_review set stage_key = ?, stage_since = ?, reason = ?,
                            first_answer_at = case when ? and first_answer_at is null then ? else first_answer_at end,
                            decided_at = case when ? then ? else decided_at end
                        where idea_id = ?""",
                ideaIds, CHUNK, (ps, id) -> {
                    ps.setString(1, stageKey);
                    ps.setTimestamp(2, now);
                    ps.setString(3, reason);
                    ps.setBoolean(4, acknowledges);
                    ps.setTimestamp(5, now);
                    ps.setBoolean(6, decides);
                    ps.setTimestamp(7, now);
                    ps.setLong(8, id);
                });
    }

    /** The idea's stage and the latest reason, or null when it is not an idea. */
    public java.util.Optional<String[]> stageAndReason(long ideaId) {
        return jdbc.sql("select stage_key, reason from idea_review where idea_id = ?").param(ideaId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
    }

    /** How many of the Jam's ideas stand in each stage (stages without ideas are left out). */
    public java.util.Map<String, Long> countsByStage(long jamId) {
        var counts = new java.util.HashMap<String, Long>();
        jdbc.sql("select stage_key, count(*) from idea_review where jam_id = ? group by stage_key").param(jamId)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** The stage of each of {@code ideaIds} that is an idea, in one query (a forum's page of ideas). */
    public java.util.Map<Long, String> stagesOf(Collection<Long> ideaIds) {
        var stages = new java.util.HashMap<Long, String>();
        if (!ideaIds.isEmpty()) {
            jdbc.sql("select idea_id, stage_key from idea_review where idea_id in (:ids)").param("ids", ideaIds)
                    .query(rs -> {
                        stages.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return stages;
    }
}
