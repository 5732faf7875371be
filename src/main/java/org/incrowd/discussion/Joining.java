package org.incrowd.discussion;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.internal.PostRepository;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joins one idea into another (a merge, decided elsewhere with both authors' consent): the joined idea points to the
 * surviving one and stops collecting reactions, and its reactions move there without double counting. One person,
 * one reaction per idea: where someone reacted to both, the surviving idea's reaction is kept (it is the one they
 * gave on the idea that goes on), whatever kind either was. Every reaction the joined idea had is kept aside, so
 * that {@link #undo} restores both ideas exactly as they were; reactions given on the surviving idea after the join
 * stay.
 */
@Service
public class Joining {

    /** What a join did: reactions moved, reactions left out because the person had reacted to both, and who. */
    public record Moved(int moved, int kept, List<Long> supporters) {
    }

    private final JdbcClient jdbc;
    private final PostRepository posts;
    private final ApplicationEventPublisher events;

    Joining(JdbcClient jdbc, PostRepository posts, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.events = events;
    }

    /** Joins {@code ideaId} into {@code intoIdeaId}; both must be ideas of one Jam, neither joined already. */
    @Transactional
    public Moved join(long ideaId, long intoIdeaId, Instant at) {
        var idea = requireIdea(ideaId);
        var into = requireIdea(intoIdeaId);
        if (ideaId == intoIdeaId || idea.jamId() != into.jamId()) {
            throw Refusal.invalid("ideas", "joining.sameJam");
        }
        if (!joinedInto(List.of(ideaId, intoIdeaId)).isEmpty()) {
            throw Refusal.conflict("joining.alreadyJoined");
        }
        if (hasJoined(ideaId)) {
            throw Refusal.conflict("joining.hasJoined");
        }
        jdbc.sql("""
                        insert into joined_reaction (post_id, person_id, kind, reacted_at, moved)
                        select r.post_id, r.person_id, r.kind, r.reacted_at,
                            case when exists (select 1 from reaction s where s.post_id = :into
                                and s.person_id = r.person_id) then false else true end
                        from reaction r where r.post_id = :idea""")
                .param("idea", ideaId).param("into", intoIdeaId).update();
        int moved = jdbc.sql("""
                        insert into reaction (post_id, person_id, kind, reacted_at)
                        select :into, person_id, kind, reacted_at from joined_reaction where post_id = :idea and moved""")
                .param("idea", ideaId).param("into", intoIdeaId).update();
        int all = jdbc.sql("delete from reaction where post_id = ?").param(ideaId).update();
        jdbc.sql("insert into post_join (post_id, into_post_id, joined_at) values (?, ?, ?)")
                .params(ideaId, intoIdeaId, Timestamp.from(at)).update();
        var supporters = jdbc.sql("select person_id from joined_reaction where post_id = ? order by person_id")
                .param(ideaId).query(Long.class).list();
        events.publishEvent(new DiscussionEvents.ReactionsMoved(idea.jamId(), ideaId, idea.forumId(), intoIdeaId,
                into.forumId()));
        return new Moved(moved, all - moved, supporters);
    }

    /** Undoes the join of {@code ideaId}: both ideas get back the reactions they had before it. */
    @Transactional
    public void undo(long ideaId) {
        var into = joinedInto(List.of(ideaId)).get(ideaId);
        if (into == null) {
            throw Refusal.conflict("joining.notJoined");
        }
        jdbc.sql("""
                        delete from reaction where post_id = :into and exists (select 1 from joined_reaction j
                            where j.post_id = :idea and j.moved and j.person_id = reaction.person_id
                            and j.kind = reaction.kind and j.reacted_at = reaction.reacted_at)""")
                .param("idea", ideaId).param("into", into).update();
        jdbc.sql("delete from reaction where post_id = ?").param(ideaId).update();
        jdbc.sql("""
                        insert into reaction (post_id, person_id, kind, reacted_at)
                        select post_id, person_id, kind, reacted_at from joined_reaction where post_id = ?""")
                .param(ideaId).update();
        jdbc.sql("delete from joined_reaction where post_id = ?").param(ideaId).update();
        jdbc.sql("delete from post_join where post_id = ?").param(ideaId).update();
        var idea = requireIdea(ideaId);
        events.publishEvent(new DiscussionEvents.ReactionsMoved(idea.jamId(), ideaId, idea.forumId(), into,
                requireIdea(into).forumId()));
    }

    /** The idea each of {@code ideaIds} was joined into, for those that were. */
    @Transactional(readOnly = true)
    public Map<Long, Long> joinedInto(Collection<Long> ideaIds) {
        var joined = new HashMap<Long, Long>();
        if (!ideaIds.isEmpty()) {
            jdbc.sql("select post_id, into_post_id from post_join where post_id in (:ids)").param("ids", ideaIds)
                    .query(rs -> {
                        joined.put(rs.getLong(1), rs.getLong(2));
                    });
        }
        return joined;
    }

    /** Whether other ideas were joined into this one: then it cannot be joined itself (undo would be ambiguous). */
    @Transactional(readOnly = true)
    public boolean hasJoined(long ideaId) {
        return jdbc.sql("select count(*) from post_join where into_post_id = ?").param(ideaId).query(Long.class)
                .single() > 0;
    }

    private PostRepository.Row requireIdea(long ideaId) {
        var row = posts.find(ideaId).orElseThrow(() -> Refusal.notFound("post.notFound"));
        if (row.parentId() != null) {
            throw Refusal.invalid("ideas", "joining.notAnIdea");
        }
        return row;
    }
}
