package org.incrowd.mail.internal;

import java.time.Instant;
import org.incrowd.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mail Incrowd sent (or is about to send) to a person, in their data (ADR 44): what kind, when, and whether it
 * went out. When the account is deleted the rows go, mail still waiting included, so nothing more reaches them.
 */
@Component
class MailPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    MailPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "mail";
    }

    record Sent(String kind, String recipient, String state, Instant createdAt, Instant sentAt) {
    }

    @Override
    public Object about(long personId) {
        return jdbc.sql("""
                        select kind, recipient, state, created_at, sent_at from mail_outbox
                        where person_id = ? order by id""").param(personId)
                .query((rs, n) -> new Sent(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
    }

    @Override
    public int forget(long personId, ForgetPolicy policy) {
        return jdbc.sql("delete from mail_outbox where person_id = ?").param(personId).update();
    }
}
