package org.incrowd.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.incrowd.audit.AuditCheck;
import org.incrowd.audit.AuditEntry;
import org.incrowd.audit.AuditFilter;
import org.incrowd.shared.AdministrativeAct;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code audit_entry} (V129, V150): insert and select only; the database refuses anything else (V151). Appends lock
 * the chain's head row, so they form one line however many transactions record at once.
 */
@Repository
public class AuditRows {

    private static final int MAX_DETAILS = 4000;
    private static final String COLUMNS = "id, at, actor_id, action, subject, reason, details, hash";

    private final JdbcClient jdbc;

    AuditRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the act's transaction, or in one of its own where the act has none (the head's lock must hold to the end). */
    @Transactional
    public void append(Instant at, AdministrativeAct act) {
        Instant when = AuditChain.stored(at);
        String details = details(act.details());
        String previous = jdbc.sql("select last_hash from audit_chain where id = 1 for update")
                .query(String.class).single();
        String hash = AuditChain.link(previous, when, act.actorId(), act.action(), act.subject(), act.reason(),
                details);
        jdbc.sql("update audit_chain set last_hash = ?, entries = entries + 1 where id = 1").param(hash).update();
        jdbc.sql("insert into audit_entry (at, actor_id, action, subject, reason, details, hash) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(OffsetDateTime.ofInstant(when, ZoneOffset.UTC), act.actorId(), act.action(), act.subject(),
                        act.reason(), details, hash)
                .update();
    }

    public List<AuditEntry> latest(int limit) {
        return jdbc.sql("select " + COLUMNS + " from audit_entry order by id desc limit ?")
                .param(limit).query(AuditRows::entry).list();
    }

    /** The entries matching the filter, newest first. */
    public List<AuditEntry> search(AuditFilter filter, int offset, int limit) {
        var params = new ArrayList<Object>();
        String where = where(filter, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select " + COLUMNS + " from audit_entry" + where + " order by id desc limit ? offset ?")
                .params(params).query(AuditRows::entry).list();
    }

    /** Every entry matching the filter, newest first, one at a time (exports of any size). */
    public void forEach(AuditFilter filter, Consumer<AuditEntry> sink) {
        var params = new ArrayList<Object>();
        String where = where(filter, params);
        jdbc.sql("select " + COLUMNS + " from audit_entry" + where + " order by id desc").params(params)
                .query((RowCallbackHandler) rs -> sink.accept(entry(rs, 0)));
    }

    /** The actions recorded so far (the filter offers them beside the known ones). */
    public List<String> recordedActions() {
        return jdbc.sql("select distinct action from audit_entry").query(String.class).list();
    }

    /**
     * Walks the whole chain from the first entry: the first entry whose stored hash is not what its fields and its
     * predecessor give is where someone changed or removed something; a head that counts more entries than remain
     * means entries were removed from the end.
     */
    public AuditCheck check() {
        var state = new Object() {
            String previous = AuditChain.GENESIS;
            long count;
            Long broken;
        };
        jdbc.sql("select " + COLUMNS + " from audit_entry order by id").query((RowCallbackHandler) rs -> {
            state.count++;
            String expected = AuditChain.link(state.previous, rs.getObject("at", OffsetDateTime.class).toInstant(),
                    rs.getLong("actor_id"), rs.getString("action"), rs.getString("subject"), rs.getString("reason"),
                    rs.getString("details"));
            String stored = rs.getString("hash");
            if (state.broken == null && !expected.equals(stored)) {
                state.broken = rs.getLong("id");
            }
            state.previous = stored == null ? expected : stored;
        });
        var head = jdbc.sql("select last_hash, entries from audit_chain where id = 1")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)}).single();
        boolean complete = head[0].equals(state.previous) && (long) head[1] == state.count;
        return new AuditCheck(state.count, state.broken, complete ? null : (Long) head[1]);
    }

    private static String where(AuditFilter filter, List<Object> params) {
        var clauses = new ArrayList<String>();
        if (filter.actorIds() != null) {
            if (filter.actorIds().isEmpty()) {
                clauses.add("1 = 0");
            } else {
                clauses.add("actor_id in (" + String.join(", ", filter.actorIds().stream().map(id -> "?").toList())
                        + ")");
                params.addAll(new TreeSet<>(filter.actorIds()));
            }
        }
        if (filter.action() != null) {
            clauses.add("action = ?");
            params.add(filter.action());
        }
        if (filter.subject() != null) {
            clauses.add("lower(subject) like ? escape '\\'");
            params.add("%" + like(filter.subject()) + "%");
        }
        for (String word : filter.words()) {
            clauses.add("lower(coalesce(reason, '')) like ? escape '\\'");
            params.add("%" + like(word) + "%");
        }
        if (filter.from() != null) {
            clauses.add("at >= ?");
            params.add(OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.until() != null) {
            clauses.add("at < ?");
            params.add(OffsetDateTime.ofInstant(filter.until(), ZoneOffset.UTC));
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    /** Typed text is matched literally: {@code %} and {@code _} lose their meaning. */
    private static String like(String text) {
        return text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Details as sorted {@code key=value} lines: readable in the database and in exports alike. */
    static String details(Map<String, String> details) {
        var text = new StringBuilder();
        new TreeMap<>(details).forEach((key, value) -> text.append(key).append('=')
                .append(value == null ? "" : value.replace('\n', ' ').replace('\r', ' ')).append('\n'));
        return text.length() > MAX_DETAILS ? text.substring(0, MAX_DETAILS) : text.toString();
    }

    static Map<String, String> details(String text) {
        var details = new LinkedHashMap<String, String>();
        if (text != null) {
            text.lines().filter(line -> line.contains("=")).forEach(line -> {
                int eq = line.indexOf('=');
                details.put(line.substring(0, eq), line.substring(eq + 1));
            });
        }
        return details;
    }

    static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getLong("actor_id"), rs.getString("action"), rs.getString("subject"), rs.getString("reason"),
                details(rs.getString("details")));
    }
}
