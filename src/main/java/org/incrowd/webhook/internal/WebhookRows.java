package org.incrowd.webhook.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The webhook, webhook_delivery and webhook_jam_phase tables, in SQL that runs on H2 and PostgreSQL alike. */
@Repository
class WebhookRows {

    private static final String WEBHOOK = "select id, jam_id, name, url, events, enabled, created_at from webhook ";

    private final JdbcClient jdbc;

    WebhookRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- webhooks --------------------------------------------------------------------------------------------------

    long insert(long jamId, String name, String url, String secret, Set<WebhookEvent> events, long createdBy,
                Instant now) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into webhook (jam_id, name, url, secret, events, enabled, created_by, created_at)
                values (?, ?, ?, ?, ?, true, ?, ?)""")
                .params(jamId, name, url, secret, WebhookEvent.stored(events), createdBy, Timestamp.from(now))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    Optional<Webhook> find(long id) {
        return jdbc.sql(WEBHOOK + "where id = ?").param(id).query(WebhookRows::webhook).optional();
    }

    List<Webhook> ofJam(long jamId) {
        return jdbc.sql(WEBHOOK + "where jam_id = ? order by id").param(jamId).query(WebhookRows::webhook).list();
    }

    long countOfJam(long jamId) {
        return jdbc.sql("select count(*) from webhook where jam_id = ?").param(jamId).query(Long.class).single();
    }

    /** The enabled webhooks of a Jam with their secrets' ids only; which report an event is decided by the caller. */
    List<Webhook> enabledOfJam(long jamId) {
        return jdbc.sql(WEBHOOK + "where jam_id = ? and enabled = true order by id").param(jamId)
                .query(WebhookRows::webhook).list();
    }

    /** The Jams with an enabled webhook that reports phase changes. */
    List<Long> jamsReportingPhases() {
        return jdbc.sql("select distinct jam_id from webhook where enabled = true and events like ?")
                .param("%" + WebhookEvent.JAM_PHASE_CHANGED.wireName() + "%").query(Long.class).list();
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("update webhook set enabled = ? where id = ?").params(enabled, id).update();
    }

    void delete(long id) {
        jdbc.sql("delete from webhook_delivery where webhook_id = ?").param(id).update();
        jdbc.sql("delete from webhook where id = ?").param(id).update();
    }

    private static Webhook webhook(ResultSet rs, int row) throws SQLException {
        return new Webhook(rs.getLong("id"), rs.getLong("jam_id"), rs.getString("name"), rs.getString("url"),
                WebhookEvent.fromStored(rs.getString("events")), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant());
    }

    // ---- deliveries ------------------------------------------------------------------------------------------------

    /** Waiting from now on; a cause already recorded for this webhook is left as it is (the unique index decides). */
    void enqueue(long webhookId, String eventKey, WebhookEvent event, String body, Instant now) {
        // Standard MERGE (H2, PostgreSQL 15 and later): a second delivery of the same cause is not written.
        jdbc.sql("""
                merge into webhook_delivery d
                using (select cast(? as bigint) as webhook_id, cast(? as varchar(200)) as event_key) c
                on d.webhook_id = c.webhook_id and d.event_key = c.event_key
                when not matched then insert (webhook_id, event_key, event, body, state, attempts, next_attempt_at,
                                              created_at)
                values (c.webhook_id, c.event_key, ?, ?, 'waiting', 0, ?, ?)""")
                .params(webhookId, eventKey, event.wireName(), body, Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    List<Delivery> deliveries(long webhookId, int offset, int limit) {
        return jdbc.sql("""
                select id, event, state, attempts, last_status, last_error, next_attempt_at, created_at, delivered_at
                from webhook_delivery where webhook_id = ? order by id desc limit ? offset ?""")
                .params(webhookId, limit, offset)
                .query((rs, n) -> new Delivery(rs.getLong("id"), rs.getString("event"),
                        Delivery.State.stored(rs.getString("state")), rs.getInt("attempts"),
                        (Integer) rs.getObject("last_status", Integer.class), rs.getString("last_error"),
                        instant(rs, "next_attempt_at"), instant(rs, "created_at"), instant(rs, "delivered_at")))
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    // ---- phases ----------------------------------------------------------------------------------------------------

    Optional<String> reportedPhase(long jamId) {
        return jdbc.sql("select phase from webhook_jam_phase where jam_id = ?").param(jamId).query(String.class)
                .optional();
    }

    /** Records the phase the first time; later changes go through {@link #movePhase}. */
    void notePhase(long jamId, String phase) {
        jdbc.sql("""
                merge into webhook_jam_phase p using (select cast(? as bigint) as jam_id) j on p.jam_id = j.jam_id
                when not matched then insert (jam_id, phase) values (j.jam_id, ?)""").params(jamId, phase).update();
    }

    /**
     * Moves the recorded phase on, only from the one this node saw: of several nodes noticing the same change, one
     * updates the row (the others wait for its lock, then match nothing) and only that one reports it.
     */
    boolean movePhase(long jamId, String from, String to) {
        return jdbc.sql("update webhook_jam_phase set phase = ? where jam_id = ? and phase = ?")
                .params(to, jamId, from).update() == 1;
    }
}
