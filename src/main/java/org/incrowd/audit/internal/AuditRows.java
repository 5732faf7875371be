package org.incrowd.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.incrowd.audit.AuditEntry;
import org.incrowd.shared.AdministrativeAct;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code audit_entry} (V129): insert and select only. */
@Repository
public class AuditRows {

    private static final int MAX_DETAILS = 4000;

    private final JdbcClient jdbc;

    AuditRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(Instant at, AdministrativeAct act) {
        jdbc.sql("insert into audit_entry (at, actor_id, action, subject, reason, details) values (?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(at), act.actorId(), act.action(), act.subject(), act.reason(),
                        details(act.details()))
                .update();
    }

    public List<AuditEntry> latest(int limit) {
        return jdbc.sql("select id, at, actor_id, action, subject, reason, details from audit_entry "
                        + "order by at desc, id desc limit ?")
                .param(limit).query(AuditRows::entry).list();
    }

    /** Details as sorted {@code key=value} lines: readable in the database and in exports alike. */
    static String details(Map<String, String> details) {
        var text = new StringBuilder();
        new TreeMap<>(details).forEach((key, value) -> text.append(key).append('=')
                .append(value == null ? "" : value.replace('\n', ' ')).append('\n'));
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
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getLong("actor_id"),
                rs.getString("action"), rs.getString("subject"), rs.getString("reason"),
                details(rs.getString("details")));
    }
}
