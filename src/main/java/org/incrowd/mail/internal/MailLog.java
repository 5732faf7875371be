package org.incrowd.mail.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The outbox read as a log, for administrators: how many messages are in each state, and the messages themselves,
 * newest first, a page at a time by id (each page a short index range, however many rows there are).
 */
@Repository
public class MailLog {

    /** The states a message passes through, in the order the page shows them. */
    static final List<String> STATES = List.of("waiting", "sent", "bounced", "failed");

    private final JdbcTemplate jdbc;

    MailLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The message key naming a state on the page; written out so that each key can be checked. */
    public static String stateLabel(String state) {
        return switch (state) {
            case "waiting" -> "mail.state.waiting";
            case "sent" -> "mail.state.sent";
            case "bounced" -> "mail.state.bounced";
            default -> "mail.state.failed";
        };
    }

    public record Entry(long id, String recipient, String kind, String state, int attempts, Instant createdAt,
                 Instant sentAt, Instant nextAttemptAt, String lastError) {
    }

    /** Messages per state, every state present (0 where none). */
    Map<String, Long> counts() {
        var counts = new LinkedHashMap<String, Long>();
        STATES.forEach(state -> counts.put(state, 0L));
        jdbc.query("select state, count(*) as n from mail_outbox group by state",
                rs -> {
                    counts.put(rs.getString("state"), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * Up to {@code limit} messages older than {@code beforeId} (null: from the newest), in {@code state} (null: any),
     * to recipients starting with {@code recipient} (null: anyone).
     */
    List<Entry> page(String state, String recipient, Long beforeId, int limit) {
        var where = new StringBuilder("where 1 = 1");
        var args = new ArrayList<Object>();
        if (state != null) {
            where.append(" and state = ?");
            args.add(state);
        }
        if (recipient != null) {
            where.append(" and recipient like ? escape '\\'");
            args.add(recipient.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (beforeId != null) {
            where.append(" and id < ?");
            args.add(beforeId);
        }
        args.add(limit);
        return jdbc.query("""
                select id, recipient, kind, state, attempts, created_at, sent_at, next_attempt_at, last_error
                from mail_outbox %s order by id desc fetch first ? rows only""".formatted(where),
                (rs, i) -> new Entry(rs.getLong("id"), rs.getString("recipient"), rs.getString("kind"),
                        rs.getString("state"), rs.getInt("attempts"), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("next_attempt_at")),
                        rs.getString("last_error")),
                args.toArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
