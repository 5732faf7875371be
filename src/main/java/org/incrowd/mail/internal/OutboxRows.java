package org.incrowd.mail.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import org.incrowd.shared.DatabaseProduct;
import org.incrowd.mail.Mail;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The {@code mail_outbox} table: one row per message, from the moment it is caused until it is sent or given up. */
@Repository
public class OutboxRows {

    private static final int BATCH = 1_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile String lockClause;

    OutboxRows(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A message this node took from the outbox, with the attempts made before. */
    record Claimed(long id, Mail mail, int attempts) {
    }

    /**
     * Takes up to {@code limit} due messages for this node until {@code leaseUntil}: they stay 'waiting' but are not
     * due again before then, so another node takes them only if this one died holding them. On PostgreSQL the rows
     * are locked with SKIP LOCKED, so nodes claiming at the same moment take different rows; H2 serves one node.
     * Ordered by due time alone, so that the index on (state, next_attempt_at) yields the first rows without a sort
     * (a list of 150,000 invitations is due at one instant; a tie-break by id made every claim sort them all).
     */
    @Transactional
    public List<Claimed> claim(int limit, Instant leaseUntil) {
        var stored = jdbc.query("""
                select id, mail_key, kind, recipient, person_id, language, params, attempts from mail_outbox
                where state = 'waiting' and next_attempt_at <= ? order by next_attempt_at
                fetch first ? rows only""" + lockClause(),
                (rs, i) -> new Stored(rs.getLong("id"), rs.getString("mail_key"), rs.getString("kind"),
                        rs.getString("recipient"), (Long) rs.getObject("person_id"), rs.getString("language"),
                        rs.getString("params"), rs.getInt("attempts")),
                Timestamp.from(clock.instant()), limit);
        var claimed = new ArrayList<Claimed>(stored.size());
        for (Stored row : stored) {
            try {
                claimed.add(new Claimed(row.id(), new Mail(row.key(), row.kind(), row.to(), row.personId(),
                        row.language(), params(row.params())), row.attempts()));
            } catch (RuntimeException unreadable) {
                // One row no one can read (edited by hand, say) fails alone instead of stopping every later mail.
                end(row.id(), "failed", "unreadable outbox row: " + unreadable.getMessage());
            }
        }
        jdbc.batchUpdate("update mail_outbox set next_attempt_at = ? where id = ?",
                claimed.stream().map(c -> new Object[] {Timestamp.from(leaseUntil), c.id()}).toList());
        return claimed;
    }

    /** A due row as stored, before its parameters are read. */
    private record Stored(long id, String key, String kind, String to, Long personId, String language, String params,
                          int attempts) {
    }

    /** Handed to SMTP. */
    public void sent(Collection<Long> ids) {
        var now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                update mail_outbox set state = 'sent', sent_at = ?, attempts = attempts + 1, last_error = null
                where id = ? and state = 'waiting'""", ids.stream().map(id -> new Object[] {now, id}).toList());
    }

    /** Another attempt at {@code next}. */
    public void tryAgain(long id, String reason, Instant next) {
        jdbc.update("""
                update mail_outbox set attempts = attempts + 1, last_error = ?, next_attempt_at = ?
                where id = ? and state = 'waiting'""", clip(reason), Timestamp.from(next), id);
    }

    /** Given up: {@code state} is 'bounced' (the recipient is refused) or 'failed' (anything else). */
    public void end(long id, String state, String reason) {
        jdbc.update("""
                update mail_outbox set state = ?, attempts = attempts + 1, last_error = ?
                where id = ? and state = 'waiting'""", state, clip(reason), id);
    }

    private static String clip(String reason) {
        String text = reason == null ? "" : reason;
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private String lockClause() {
        if (lockClause == null) {
            boolean postgres = jdbc.execute((ConnectionCallback<Boolean>) DatabaseProduct::isPostgres);
            lockClause = postgres ? " for update skip locked" : " for update";
        }
        return lockClause;
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
