package org.incrowd.insight.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives a piece of background work to one node at a time. A lease is a row held by one node until it expires, so a
 * node that dies mid-work holds it only until then. Plain SQL, so it works alike on H2 and PostgreSQL.
 */
@Component
public class Leases {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String node = UUID.randomUUID().toString();

    public Leases(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True when this node now holds the lease for {@code duration}: it was free, expired, or already ours. */
    public boolean acquire(String name, Duration duration) {
        var now = clock.instant();
        var until = Timestamp.from(now.plus(duration));
        int taken = jdbc.sql("update insight_lease set holder = ?, expires_at = ? "
                        + "where name = ? and (holder = ? or expires_at < ?)")
                .params(node, until, name, node, Timestamp.from(now)).update();
        if (taken == 1) {
            return true;
        }
        try {
            return jdbc.sql("insert into insight_lease (name, holder, expires_at) values (?, ?, ?)")
                    .params(name, node, until).update() == 1;
        } catch (DuplicateKeyException heldElsewhere) {
            return false;
        }
    }

    public void release(String name) {
        jdbc.sql("delete from insight_lease where name = ? and holder = ?").params(name, node).update();
    }
}
