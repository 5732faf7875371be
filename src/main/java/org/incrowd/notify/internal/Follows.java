package org.incrowd.notify.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who follows or mutes a thread or a forum. Following a thread tells you of its replies; following a forum, of its
 * guest sessions. Muting a thread or its forum silences everything about it except your own post being hidden or
 * restored.
 */
@Repository
public class Follows {

    /** What a person chose for a place; {@code NONE} removes the choice. */
    public enum State { FOLLOW, MUTE, NONE }

    /** A thread (named by its idea's id) or a forum. */
    public enum Target { THREAD, FORUM }

    private final JdbcClient jdbc;

    Follows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The person's choice for a place, {@code NONE} when they made none. */
    public State stateOf(long personId, Target target, long id) {
        return jdbc.sql("select state from follow where person_id = ? and target_kind = ? and target_id = ?")
                .params(personId, target.name(), id).query(String.class).optional().map(State::valueOf)
                .orElse(State.NONE);
    }

    /** Sets the person's choice for a place (following and muting replace each other). */
    public void set(long personId, Target target, long id, State state, Instant now) {
        jdbc.sql("delete from follow where person_id = ? and target_kind = ? and target_id = ?")
                .params(personId, target.name(), id).update();
        if (state != State.NONE) {
            jdbc.sql("insert into follow (person_id, target_kind, target_id, state, since) values (?, ?, ?, ?, ?)")
                    .params(personId, target.name(), id, state.name(), Timestamp.from(now)).update();
        }
    }

    /** Follows a place unless the person already chose something for it (authors and their threads). */
    void followUnlessChosen(long personId, Target target, long id, Instant now) {
        jdbc.sql("""
                        insert into follow (person_id, target_kind, target_id, state, since)
                        select ?, ?, ?, 'FOLLOW', ? where not exists (
                            select 1 from follow where person_id = ? and target_kind = ? and target_id = ?)""")
                .params(personId, target.name(), id, Timestamp.from(now), personId, target.name(), id).update();
    }

    /** Those who follow the thread and muted neither it nor its forum. */
    public List<Long> followersOfThread(long threadId, long forumId) {
        return followersOf(Target.THREAD, threadId, forumId);
    }

    /** Those who follow the forum (and did not mute it). */
    public List<Long> followersOfForum(long forumId) {
        return followersOf(Target.FORUM, forumId, forumId);
    }

    /** Whether the person muted the thread or its forum. */
    public boolean isMuted(long personId, long threadId, long forumId) {
        return !mutedAmong(List.of(personId), threadId, forumId).isEmpty();
    }

    /** Those of {@code people} who muted the thread or its forum; one query however many they are. */
    public Set<Long> mutedAmong(Collection<Long> people, long threadId, long forumId) {
        if (people.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select distinct person_id from follow
                         where state = 'MUTE' and person_id in (:people)
                           and ((target_kind = 'THREAD' and target_id = :thread)
                                or (target_kind = 'FORUM' and target_id = :forum))""")
                .param("people", people).param("thread", threadId).param("forum", forumId)
                .query(Long.class).list());
    }

    /** Those of the forum who muted it: left out of what is told to a whole forum. */
    public Set<Long> mutersOfForum(long forumId) {
        return new HashSet<>(jdbc.sql("select person_id from follow where target_kind = 'FORUM' and target_id = ? "
                + "and state = 'MUTE'").param(forumId).query(Long.class).list());
    }

    private List<Long> followersOf(Target target, long id, long forumId) {
        return jdbc.sql("""
                        select f.person_id from follow f
                         where f.target_kind = :kind and f.target_id = :id and f.state = 'FOLLOW'
                           and not exists (select 1 from follow m
                                            where m.person_id = f.person_id and m.state = 'MUTE'
                                              and m.target_kind = 'FORUM' and m.target_id = :forum)""")
                .param("kind", target.name()).param("id", id).param("forum", forumId)
                .query(Long.class).list();
    }
}
