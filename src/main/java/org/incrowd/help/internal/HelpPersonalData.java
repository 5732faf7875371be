package org.incrowd.help.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import org.incrowd.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's help questions (their status; the words are among their posts) and where they answer as an expert, in
 * their data (ADR 44). When the account is deleted they stop being an expert, so no question is routed to it; the
 * questions stay with their threads, like every post.
 */
@Component
class HelpPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    HelpPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "help";
    }

    record Question(long questionId, long jamId, String status, Instant askedAt, Instant solvedAt) {
    }

    record Expert(long jamId, Instant awayUntil, boolean offShift) {
    }

    @Override
    public Object about(long personId) {
        var data = new LinkedHashMap<String, Object>();
        data.put("questionsAsked", jdbc.sql("""
                        select question_id, jam_id, status, asked_at, solved_at from help_question
                        where asker_id = ? order by asked_at""").param(personId)
                .query((rs, n) -> new Question(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list());
        data.put("expertIn", jdbc.sql("select jam_id, away_until, off_shift from help_expert where person_id = ?")
                .param(personId).query((rs, n) -> new Expert(rs.getLong(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(), rs.getBoolean(3))).list());
        return data;
    }

    @Override
    public int forget(long personId, ForgetPolicy policy) {
        return jdbc.sql("delete from help_expertise where person_id = ?").param(personId).update()
                + jdbc.sql("delete from help_expert where person_id = ?").param(personId).update();
    }
}
