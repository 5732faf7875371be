package org.incrowd.mail.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.incrowd.shared.RetainedRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mail log's retention: messages sent, bounced or failed before the cutoff leave the outbox with their
 * addresses and parameters. Waiting messages stay whatever their age: they are work, not a log.
 */
@Component
class MailLogRetention implements RetainedRecords {

    private final JdbcClient jdbc;

    MailLogRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "mail";
    }

    @Override
    public int removeOlderThan(Instant cutoff) {
        return jdbc.sql("delete from mail_outbox where state <> 'waiting' and created_at < ?")
                .param(Timestamp.from(cutoff)).update();
    }
}
