package org.incrowd.notify.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
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

    /** Threads named per statement (a bulk decision names thousands). */
    private static final int THREADS_PER_QUERY = 1000;

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

    /**
     * Per thread, who follows it and did not mute its forum ({@code forumOfThread}: thread id to forum id); a few
     * queries however many threads (a bulk decision on thousands of ideas).
     */
    public Map<Long, Set<Long>> followersOfThreads(Map<Long, Long> forumOfThread) {
        var mutedForums = forumMuters(forumOfThread.values());
        var followers = new HashMap<Long, Set<Long>>();
        forEachOfThreads("FOLLOW", forumOfThread.keySet(), (thread, person) -> {
            if (!mutedForums.getOrDefault(forumOfThread.get(thread), Set.of()).contains(person)) {
                followers.computeIfAbsent(thread, t -> new HashSet<>()).add(person);
            }
        });
        return followers;
    }

    /** Per thread, who muted it or its forum (see {@link #followersOfThreads}). */
    public Map<Long, Set<Long>> mutersOfThreads(Map<Long, Long> forumOfThread) {
        var mutedForums = forumMuters(forumOfThread.values());
        var muters = new HashMap<Long, Set<Long>>();
        forumOfThread.forEach((thread, forum) -> muters.put(thread,
                new HashSet<>(mutedForums.getOrDefault(forum, Set.of()))));
        forEachOfThreads("MUTE", forumOfThread.keySet(), (thread, person) -> muters.get(thread).add(person));
        return muters;
    }

    private Map<Long, Set<Long>> forumMuters(Collection<Long> forumIds) {
        var muters = new HashMap<Long, Set<Long>>();
        var forums = List.copyOf(Set.copyOf(forumIds));
        if (!forums.isEmpty()) {
            jdbc.sql("select target_id, person_id from follow where target_kind = 'FORUM' and state = 'MUTE'"
                    + " and target_id in (:forums)").param("forums", forums)
                    .query(rs -> {
                        muters.computeIfAbsent(rs.getLong(1), f -> new HashSet<>()).add(rs.getLong(2));
                    });
        }
        return muters;
    }

    private void forEachOfThreads(String state, Collection<Long> threadIds, BiConsumer<Long, Long> sink) {
        var threads = List.copyOf(threadIds);
        for (int from = 0; from < threads.size(); from += THREADS_PER_QUERY) {
            jdbc.sql("select target_id, person_id from follow where target_kind = 'THREAD' and state = :state"
                            + " and target_id in (:threads)").param("state", state)
                    .param("threads", threads.subList(from, Math.min(threads.size(), from + THREADS_PER_QUERY)))
                    .query(rs -> {
                        sink.accept(rs.getLong(1), rs.getLong(2));
                    });
        }
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
