package org.incrowd.report.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.incrowd.report.OpenDataMode;
import org.incrowd.report.OpenDataPublication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which Jams' exports are published, and in which mode. */
@Repository
public class OpenDataPublications {

    private final JdbcClient jdbc;

    OpenDataPublications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OpenDataPublication> of(long jamId) {
        return jdbc.sql("select jam_id, mode, published_by, published_at from open_data_publication where jam_id = ?")
                .param(jamId).query((rs, n) -> new OpenDataPublication(rs.getLong(1), OpenDataMode.valueOf(rs.getString(2)),
                        rs.getLong(3), rs.getTimestamp(4).toInstant())).optional();
    }

    /** Publishes, or changes the published mode (the caller's transaction makes the two steps one). */
    public void publish(long jamId, OpenDataMode mode, long personId, Instant at) {
        int updated = jdbc.sql("update open_data_publication set mode = ?, published_by = ?, published_at = ? "
                        + "where jam_id = ?").params(mode.name(), personId, Timestamp.from(at), jamId).update();
        if (updated == 0) {
            jdbc.sql("insert into open_data_publication (jam_id, mode, published_by, published_at) values (?, ?, ?, ?)")
                    .params(jamId, mode.name(), personId, Timestamp.from(at)).update();
        }
    }

    public void withdraw(long jamId) {
        jdbc.sql("delete from open_data_publication where jam_id = ?").param(jamId).update();
    }
}
