package org.incrowd.help.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who knows which topic of a stream and whether they take questions now (tables {@code help_expert*}). */
@Repository
class ExpertRows {

    /** An expert of a topic as routing weighs them. */
    record Candidate(long personId, Instant awayUntil, boolean offShift, Instant lastAssignedAt) {

        boolean availableAt(Instant now) {
            return !offShift && (awayUntil == null || !awayUntil.isAfter(now));
        }
    }

    /** A person's standing in a stream: their topics and whether they are away. */
    record Standing(Set<Long> topics, Instant awayUntil, boolean offShift) {
    }

    private final JdbcClient jdbc;

    ExpertRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Standing standing(long jamId, long personId) {
        var topics = new HashSet<>(jdbc.sql("select forum_id from help_expertise where jam_id = ? and person_id = ?")
                .params(jamId, personId).query(Long.class).list());
        return jdbc.sql("select away_until, off_shift from help_expert where jam_id = ? and person_id = ?")
                .params(jamId, personId)
                .query((rs, row) -> new Standing(topics, instant(rs.getTimestamp(1)), rs.getBoolean(2)))
                .optional().orElse(new Standing(topics, null, false));
    }

    /** Replaces the person's topics and availability in one go (the expertise form). */
    void save(long jamId, long personId, Collection<Long> topics, Instant awayUntil, boolean offShift) {
        jdbc.sql("""
                        merge into help_expert e using (values (cast(? as bigint), cast(? as bigint))) v (jam_id, person_id)
                        on e.jam_id = v.jam_id and e.person_id = v.person_id
                        when matched then update set away_until = ?, off_shift = ?
                        when not matched then insert (jam_id, person_id, away_until, off_shift)
                            values (v.jam_id, v.person_id, ?, ?)""")
                .params(jamId, personId, timestamp(awayUntil), offShift, timestamp(awayUntil), offShift).update();
        jdbc.sql("delete from help_expertise where jam_id = ? and person_id = ?").params(jamId, personId).update();
        for (long topic : topics) {
            jdbc.sql("insert into help_expertise (jam_id, person_id, forum_id) values (?, ?, ?)")
                    .params(jamId, personId, topic).update();
        }
    }

    boolean isExpert(long jamId, long personId) {
        return jdbc.sql("select count(*) from help_expertise where jam_id = ? and person_id = ?")
                .params(jamId, personId).query(Long.class).single() > 0;
    }

    /** The experts of a topic, with what routing weighs (availability, when they last got a question). */
    List<Candidate> candidates(long forumId) {
        return jdbc.sql("""
                        select x.person_id, e.away_until, coalesce(e.off_shift, false), e.last_assigned_at
                        from help_expertise x
                        left join help_expert e on e.jam_id = x.jam_id and e.person_id = x.person_id
                        where x.forum_id = ? order by x.person_id""")
                .param(forumId)
                .query((rs, row) -> new Candidate(rs.getLong(1), instant(rs.getTimestamp(2)), rs.getBoolean(3),
                        instant(rs.getTimestamp(4))))
                .list();
    }

    /** How many questions wait for each of {@code people} (assigned to them and not answered yet). */
    Map<Long, Integer> waitingFor(Collection<Long> people) {
        var waiting = new HashMap<Long, Integer>();
        if (people.isEmpty()) {
            return waiting;
        }
        jdbc.sql("select assignee_id, count(*) from help_question where assignee_id in (:people) and status = 'OPEN'"
                        + " group by assignee_id")
                .param("people", people)
                .query(rs -> {
                    waiting.put(rs.getLong(1), rs.getInt(2));
                });
        return waiting;
    }

    void assigned(long jamId, long personId, Instant at) {
        jdbc.sql("""
                        merge into help_expert e using (values (cast(? as bigint), cast(? as bigint))) v (jam_id, person_id)
                        on e.jam_id = v.jam_id and e.person_id = v.person_id
                        when matched then update set last_assigned_at = ?
                        when not matched then insert (jam_id, person_id, off_shift, last_assigned_at)
                            values (v.jam_id, v.person_id, false, ?)""")
                .params(jamId, personId, timestamp(at), timestamp(at)).update();
    }

    /** Who covers which topic of a stream: person ids per topic, and everyone's availability. */
    Map<Long, List<Long>> coverage(long jamId) {
        var byTopic = new HashMap<Long, List<Long>>();
        jdbc.sql("select forum_id, person_id from help_expertise where jam_id = ? order by forum_id, person_id")
                .param(jamId)
                .query(rs -> {
                    byTopic.computeIfAbsent(rs.getLong(1), topic -> new ArrayList<>()).add(rs.getLong(2));
                });
        return byTopic;
    }

    Map<Long, Candidate> availability(long jamId) {
        var byPerson = new HashMap<Long, Candidate>();
        jdbc.sql("select person_id, away_until, off_shift, last_assigned_at from help_expert where jam_id = ?")
                .param(jamId)
                .query(rs -> {
                    byPerson.put(rs.getLong(1), new Candidate(rs.getLong(1), instant(rs.getTimestamp(2)),
                            rs.getBoolean(3), instant(rs.getTimestamp(4))));
                });
        return byPerson;
    }

    Set<Long> generalTopics(long jamId) {
        return new HashSet<>(jdbc.sql("select forum_id from help_general_topic where jam_id = ?").param(jamId)
                .query(Long.class).list());
    }

    boolean isGeneral(long forumId) {
        return jdbc.sql("select count(*) from help_general_topic where forum_id = ?").param(forumId)
                .query(Long.class).single() > 0;
    }

    void setGeneralTopics(long jamId, Collection<Long> forumIds) {
        jdbc.sql("delete from help_general_topic where jam_id = ?").param(jamId).update();
        for (long forumId : forumIds) {
            jdbc.sql("insert into help_general_topic (forum_id, jam_id) values (?, ?)").params(forumId, jamId)
                    .update();
        }
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
