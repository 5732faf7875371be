package org.incrowd.recognition.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import org.incrowd.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's recognition credits and badges in their data (ADR 44). When the account is deleted they go: they are
 * about the person, and a givers' list has no use for a former participant.
 */
@Component
class RecognitionPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    RecognitionPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "recognition";
    }

    record Credit(long jamId, String kind, double credit, int acts) {
    }

    record Badge(long jamId, String badge, Instant earnedAt) {
    }

    @Override
    public Object about(long personId) {
        var data = new LinkedHashMap<String, Object>();
        data.put("credits", jdbc.sql("select jam_id, kind, credit, acts from recognition_credit where person_id = ? order by jam_id, kind")
                .param(personId).query((rs, n) -> new Credit(rs.getLong(1), rs.getString(2), rs.getDouble(3),
                        rs.getInt(4))).list());
        data.put("badges", jdbc.sql("select jam_id, badge, earned_at from recognition_badge where person_id = ? order by earned_at")
                .param(personId).query((rs, n) -> new Badge(rs.getLong(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant())).list());
        return data;
    }

    @Override
    public int forget(long personId, ForgetPolicy policy) {
        return jdbc.sql("delete from recognition_credit where person_id = ?").param(personId).update()
                + jdbc.sql("delete from recognition_badge where person_id = ?").param(personId).update();
    }
}
