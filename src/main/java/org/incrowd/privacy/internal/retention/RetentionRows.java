package org.incrowd.privacy.internal.retention;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.incrowd.privacy.RetentionRun;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@code retention_setting} and {@code retention_run} (V146). */
@Repository
public class RetentionRows {

    private final JdbcClient jdbc;

    RetentionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Integer> periods() {
        var periods = new HashMap<String, Integer>();
        jdbc.sql("select kind, days from retention_setting").query((rs, n) -> periods.put(rs.getString(1), rs.getInt(2)))
                .list();
        return periods;
    }

    public void setPeriod(String kind, Integer days, long changedBy, Instant now) {
        jdbc.sql("delete from retention_setting where kind = ?").param(kind).update();
        if (days != null) {
            jdbc.sql("insert into retention_setting (kind, days, changed_at, changed_by) values (?, ?, ?, ?)")
                    .params(kind, days, Timestamp.from(now), changedBy).update();
        }
    }

    public long start(Instant now, long startedBy, LocalDate night) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("insert into retention_run (started_at, started_by, nightly_of) values (?, ?, ?)")
                .params(Timestamp.from(now), startedBy, night == null ? null : Date.valueOf(night))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Claims the night for this node, in a transaction of its own; empty when another node claimed it first. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public OptionalLong claimNight(Instant now, LocalDate night) {
        try {
            return OptionalLong.of(start(now, 0, night));
        } catch (DuplicateKeyException taken) {
            return OptionalLong.empty();
        }
    }

    public void finish(long runId, Instant now, Map<String, Integer> removed) {
        var text = new StringBuilder();
        removed.forEach((kind, count) -> text.append(kind).append('=').append(count).append('\n'));
        jdbc.sql("update retention_run set finished_at = ?, removed = ? where id = ?")
                .params(Timestamp.from(now), text.toString(), runId).update();
    }

    public Optional<RetentionRun> run(long id) {
        return jdbc.sql("select id, started_at, finished_at, started_by, removed from retention_run where id = ?")
                .param(id).query(RetentionRows::run).optional();
    }

    public List<RetentionRun> runs(int limit) {
        return jdbc.sql("select id, started_at, finished_at, started_by, removed from retention_run "
                        + "order by started_at desc, id desc limit ?")
                .param(limit).query(RetentionRows::run).list();
    }

    private static RetentionRun run(ResultSet rs, int n) throws SQLException {
        var removed = new LinkedHashMap<String, Integer>();
        String text = rs.getString("removed");
        if (text != null) {
            text.lines().filter(line -> line.contains("=")).forEach(line -> removed.put(
                    line.substring(0, line.indexOf('=')), Integer.parseInt(line.substring(line.indexOf('=') + 1))));
        }
        var finished = rs.getTimestamp("finished_at");
        return new RetentionRun(rs.getLong("id"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getLong("started_by"), removed);
    }
}
