package org.incrowd.live.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "N people here now" on a Jam, forum or thread page: the people with a live stream open on that page, each counted
 * once however many tabs they have open on however many nodes (a guest's every stream counts, as guests cannot be
 * told apart). Once a second each node writes to the database which people it holds streams of, per place: only
 * the rows that changed since its last write, so that 10,000 streams cost nothing while nobody comes or goes. Every
 * few seconds it refreshes one row of its own to show it is alive. It then reads the number of distinct people of
 * all live nodes and pushes a {@code presence} event to its own streams of each place whose number changed: at most
 * one a second per place. Presence is not written to the event log: a count from the past is worth nothing to a
 * reconnecting page, which gets the current one within a second anyway.
 */
@Component
class Presence {

    /** A node that has not shown it is alive for this long is taken as gone, and its people with it. */
    static final Duration EXPIRY = Duration.ofSeconds(15);
    private static final Duration REFRESH = Duration.ofSeconds(5);
    /** The row that stands for all of a place's guests on one node. */
    private static final long GUESTS = 0;

    private final String node = UUID.randomUUID().toString();
    private final LiveHub hub;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** What the database holds of this node: (place, person) to streams; null when unknown (write all again). */
    private Map<Row, Integer> written;
    private Instant aliveAt = Instant.EPOCH;
    private Map<String, Integer> pushed = Map.of();

    /** One person (or this node's guests) on one page. */
    private record Row(String place, long personId) {
    }

    Presence(LiveHub hub, JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.hub = hub;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${incrowd.live.presence-ms:1000}")
    void tick() {
        Instant now = clock.instant();
        write(rows(hub.peopleByPlace()), now);
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

    /** A signed-in person's tabs do not matter to anyone else (one row, whatever their number); guests' do. */
    private static Map<Row, Integer> rows(Map<String, Map<Long, Integer>> people) {
        var rows = new HashMap<Row, Integer>();
        people.forEach((place, streams) -> streams.forEach((person, count) ->
                rows.put(new Row(place, person), person == GUESTS ? count : 1)));
        return rows;
    }

    /** Writes what changed since the last write; everything when that is not known (first time, after a failure). */
    private void write(Map<Row, Integer> mine, Instant now) {
        var before = written;
        boolean refresh = before == null || now.isAfter(aliveAt.plus(REFRESH));
        written = null; // should this fail halfway, write everything again next time
        transactions.executeWithoutResult(status -> {
            boolean known = before != null;
            if (refresh && jdbc.update("update live_presence_node set seen_at = ? where node_id = ?",
                    Timestamp.from(now), node) == 0) {
                // New, or taken for gone by another node (which deleted its rows): start over.
                jdbc.update("insert into live_presence_node (node_id, seen_at) values (?, ?)", node,
                        Timestamp.from(now));
                known = false;
            }
            if (!known) {
                jdbc.update("delete from live_presence_person where node_id = ?", node);
            }
            writeChanges(known ? before : Map.of(), mine);
            if (refresh) {
                forgetGoneNodes(now);
            }
        });
        if (refresh) {
            aliveAt = now;
        }
        written = mine;
    }

    private void writeChanges(Map<Row, Integer> before, Map<Row, Integer> now) {
        var gone = new ArrayList<Object[]>();
        var added = new ArrayList<Object[]>();
        var recounted = new ArrayList<Object[]>();
        before.forEach((row, streams) -> {
            if (!now.containsKey(row)) {
                gone.add(new Object[] {node, row.place(), row.personId()});
            }
        });
        now.forEach((row, streams) -> {
            Integer was = before.get(row);
            if (was == null) {
                added.add(new Object[] {node, row.place(), row.personId(), streams});
            } else if (!was.equals(streams)) {
                recounted.add(new Object[] {streams, node, row.place(), row.personId()});
            }
        });
        batch("delete from live_presence_person where node_id = ? and place = ? and person_id = ?", gone);
        batch("insert into live_presence_person (node_id, place, person_id, streams) values (?, ?, ?, ?)", added);
        batch("update live_presence_person set streams = ? where node_id = ? and place = ? and person_id = ?",
                recounted);
    }

    private void batch(String sql, List<Object[]> arguments) {
        if (!arguments.isEmpty()) {
            jdbc.batchUpdate(sql, arguments);
        }
    }

    /** The rows of nodes that died are deleted by whichever node notices first. */
    private void forgetGoneNodes(Instant now) {
        var longGone = Timestamp.from(now.minus(EXPIRY.multipliedBy(4)));
        jdbc.update("delete from live_presence_person where node_id in "
                + "(select node_id from live_presence_node where seen_at < ?)", longGone);
        jdbc.update("delete from live_presence_node where seen_at < ?", longGone);
    }

    /** A node that stops cleanly takes its people along at once; one that dies leaves them to expire. */
    @PreDestroy
    void leave() {
        jdbc.update("delete from live_presence_person where node_id = ?", node);
        jdbc.update("delete from live_presence_node where node_id = ?", node);
    }

    /** The people on each page, over all live nodes: distinct signed-in people plus every guest stream. */
    private Map<String, Integer> totals(Instant now) {
        var totals = new HashMap<String, Integer>();
        jdbc.query("""
                select p.place,
                       count(distinct case when p.person_id <> 0 then p.person_id end)
                       + coalesce(sum(case when p.person_id = 0 then p.streams end), 0)
                from live_presence_person p join live_presence_node n on n.node_id = p.node_id
                where n.seen_at > ?
                group by p.place""", rs -> {
            totals.put(rs.getString(1), rs.getInt(2));
        }, Timestamp.from(now.minus(EXPIRY)));
        return totals;
    }
}
