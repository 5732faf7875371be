package org.incrowd.notify.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import org.incrowd.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's notifications, their preferences and what they follow, in their data (ADR 44); all of it goes when the
 * account is deleted: it was addressed to them and means nothing to anyone else.
 */
@Component
class NotificationPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    NotificationPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "notifications";
    }

    record Received(String kind, Long jamId, String link, String params, Instant createdAt, Instant readAt) {
    }

    record Preference(String kind, boolean inApp, String mailTiming) {
    }

    record Followed(String targetKind, long targetId, String state, Instant since) {
    }

    @Override
    public Object about(long personId) {
        var data = new LinkedHashMap<String, Object>();
        data.put("received", jdbc.sql("""
                        select kind, jam_id, link, params, created_at, read_at from notification
                        where person_id = ? order by id""").param(personId)
                .query((rs, n) -> new Received(rs.getString(1), (Long) rs.getObject(2, Long.class), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant())).list());
        data.put("preferences", jdbc.sql("select kind, in_app, mail_timing from notification_preference where person_id = ?")
                .param(personId).query((rs, n) -> new Preference(rs.getString(1), rs.getBoolean(2), rs.getString(3)))
                .list());
        data.put("following", jdbc.sql("select target_kind, target_id, state, since from follow where person_id = ?")
                .param(personId).query((rs, n) -> new Followed(rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list());
        return data;
    }

    @Override
    public int forget(long personId, ForgetPolicy policy) {
        return jdbc.sql("delete from notification where person_id = ?").param(personId).update()
                + jdbc.sql("delete from notification_digest where person_id = ?").param(personId).update()
                + jdbc.sql("delete from notification_preference where person_id = ?").param(personId).update()
                + jdbc.sql("delete from follow where person_id = ?").param(personId).update();
    }
}
