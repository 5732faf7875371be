package org.incrowd.live.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;
import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "N people here now" on a Jam, forum or thread page, counted from the live streams open on that page, summed over
 * all nodes. Once a second each node writes its own counts (when they changed, or to show it is still alive), reads
 * the sum of every node's fresh counts, and pushes a {@code presence} event to its own streams of each place whose
 * sum changed: at most one a second per place. Presence is not written to the event log: a count from the past is
 * worth nothing to a reconnecting page, which gets the current one within a second anyway.
 */
@Component
class Presence {

    /** A node that has not refreshed its rows for this long is taken as gone. */
    static final Duration EXPIRY = Duration.ofSeconds(15);
    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final String node = UUID.randomUUID().toString();
    private final LiveHub hub;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private Map<String, Integer> written = Map.of();
    private Instant writtenAt = Instant.EPOCH;
    private Map<String, Integer> pushed = Map.of();

    Presence(LiveHub hub, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.hub = hub;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${incrowd.live.presence-ms:1000}")
    void tick() {
        Instant now = clock.instant();
        var mine = hub.streamsByPlace();
        if (!mine.equals(written) || now.isAfter(writtenAt.plus(REFRESH))) {
            write(mine, now);
        }
        var totals = totals(now);
        for (var place : pushed.keySet()) {
            totals.putIfAbsent(place, 0); // everyone left: say so once
        }
        var changed = new HashSet<String>();
        totals.forEach((place, here) -> {
            if (!here.equals(pushed.get(place))) {
                changed.add(place);
            }
        });
        hub.tellPresence(totals, changed);
        totals.values().removeIf(here -> here == 0);
        pushed = totals;
    }

    private void write(Map<String, Integer> mine, Instant now) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from live_presence where node_id = ? or seen_at < ?")
                    .params(node, Timestamp.from(now.minus(EXPIRY.multipliedBy(4)))).update();
            mine.forEach((place, streams) -> jdbc.sql(
                            "insert into live_presence (node_id, place, streams, seen_at) values (?, ?, ?, ?)")
                    .params(node, place, streams, Timestamp.from(now)).update());
        });
        written = mine;
        writtenAt = now;
    }

    /** A node that stops cleanly takes its counts along at once; one that dies leaves them to expire. */
    @PreDestroy
    void leave() {
        jdbc.sql("delete from live_presence where node_id = ?").param(node).update();
    }

    private Map<String, Integer> totals(Instant now) {
        var totals = new HashMap<String, Integer>();
        jdbc.sql("select place, sum(streams) from live_presence where seen_at > ? group by place")
                .param(Timestamp.from(now.minus(EXPIRY)))
                .query(rs -> {
                    totals.put(rs.getString(1), rs.getInt(2));
                });
        return totals;
    }
}
