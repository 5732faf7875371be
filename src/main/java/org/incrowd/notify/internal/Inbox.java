package org.incrowd.notify.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.incrowd.notify.NotificationKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where notifications are written, in the transaction of the change that causes them. The listeners in this module
 * decide who is told; the inbox applies each person's preferences (skeleton: it writes every row as asked).
 */
@Component
public class Inbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Inbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Tells each of {@code recipients}; {@code link} is the page concerned, a path like "/posts/42". */
    @Transactional
    public void deliver(NotificationKind kind, Collection<Long> recipients, Long jamId, String link,
                        Map<String, String> params) {
        var now = Timestamp.from(clock.instant());
        String json = JSON.writeValueAsString(params);
        jdbc.batchUpdate("""
                insert into notification (person_id, kind, jam_id, link, params, created_at)
                values (?, ?, ?, ?, ?, ?)""",
                recipients.stream().distinct().map(person -> new Object[] {person, kind.name(), jamId, link, json, now})
                        .toList());
    }

    /** Tells every member of a Jam at once (150,000 people in one statement). */
    @Transactional
    public void deliverToJamMembers(NotificationKind kind, long jamId, String link, Map<String, String> params) {
        jdbc.update("""
                insert into notification (person_id, kind, jam_id, link, params, created_at)
                select person_id, ?, jam_id, ?, ?, ? from jam_member where jam_id = ?""",
                kind.name(), link, JSON.writeValueAsString(params), Timestamp.from(clock.instant()), jamId);
    }

    /** How many notifications {@code personId} has not read yet. */
    public int unreadCount(long personId) {
        return jdbc.queryForObject("select count(*) from notification where person_id = ? and read_at is null",
                Integer.class, personId);
    }

    /** The newest notifications of {@code personId}, newest first. */
    public List<Map<String, Object>> newest(long personId, int limit) {
        return jdbc.queryForList("select * from notification where person_id = ? order by id desc fetch first "
                + limit + " rows only", personId);
    }
}
