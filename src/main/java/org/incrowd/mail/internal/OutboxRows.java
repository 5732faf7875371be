package org.incrowd.mail.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.incrowd.mail.Mail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The {@code mail_outbox} table: one row per message, from the moment it is caused until it is sent or given up. */
@Repository
public class OutboxRows {

    private static final int BATCH = 1_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OutboxRows(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Waiting to be sent from now on; a key already recorded is left as it is (the unique index guards races). */
    public void insert(Collection<Mail> mails) {
        var now = Timestamp.from(clock.instant());
        List<Object[]> batch = new ArrayList<>(Math.min(mails.size(), BATCH));
        for (Mail mail : mails) {
            batch.add(new Object[] {mail.key(), mail.kind(), mail.to(), mail.personId(), mail.language(),
                    JSON.writeValueAsString(mail.params()), now, now});
            if (batch.size() == BATCH) {
                flush(batch);
            }
        }
        flush(batch);
    }

    private void flush(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        // Standard MERGE (H2, PostgreSQL 15 and later): a key already recorded is left alone.
        jdbc.batchUpdate("""
                merge into mail_outbox o
                using (select cast(? as varchar(200)) as mail_key, cast(? as varchar(60)) as kind,
                              cast(? as varchar(254)) as recipient, cast(? as bigint) as person_id,
                              cast(? as varchar(8)) as language, cast(? as varchar(4000)) as params,
                              cast(? as timestamp with time zone) as due,
                              cast(? as timestamp with time zone) as created_at) m
                on o.mail_key = m.mail_key
                when not matched then insert (mail_key, kind, recipient, person_id, language, params, state, attempts,
                                              next_attempt_at, created_at)
                values (m.mail_key, m.kind, m.recipient, m.person_id, m.language, m.params, 'waiting', 0, m.due,
                        m.created_at)""", batch);
        batch.clear();
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> params(String json) {
        return JSON.readValue(json, Map.class);
    }
}
