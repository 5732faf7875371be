package org.incrowd.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What reached whom: for every client, the posts its filter should have seen (those the writer had accepted) against
 * those it received; and the latency of each delivery during the steady phase.
 */
record Delivery(long eventsSent, long eventsReceived, long deliveriesExpected, long lost, long lostBeforeStorm,
                long lostInGaps, long clientsThatLost, long duplicates, long outOfOrder, List<Double> latenciesMs,
                List<Double> fromSendMs, List<Double> p99By10s, List<Double> firstReceiptMs, List<Double> spreadMs,
                Map<String, Long> receivedByType) {

    private static final long WINDOW_NANOS = 10_000_000_000L;

    static Delivery of(SseLoad load, LiveWriter writer, long steadyStart, long steadyEnd) {
        var written = writer.written();
        long expected = 0;
        long lost = 0;
        long lostBeforeStorm = 0; // of posts answered before the steady phase ended (the kill, in a storm)
        long duplicates = 0;
        long outOfOrder = 0;
        long lostInGaps = 0; // lost although the client received a later post: the server skipped it
        long clientsThatLost = 0;
        for (var client : load.clients()) {
            long newestReceived = client.posts.stream().mapToLong(Long::longValue).max().orElse(0);
            long lostBefore = lost;
            for (var post : written.values()) {
                if (client.filter.sees(post.forumId(), post.threadId())) {
                    expected++;
                    if (!client.posts.contains(post.id())) {
                        lost++;
                        if (post.answeredNanos() < steadyEnd) {
                            lostBeforeStorm++;
                        }
                        if (post.id() < newestReceived) {
                            lostInGaps++;
                        }
                    }
                }
            }
            if (lost > lostBefore) {
                clientsThatLost++;
            }
            duplicates += client.duplicates;
            outOfOrder += client.outOfOrder;
        }
        var latencies = new ArrayList<Double>();
        var fromSend = new ArrayList<Double>();
        var byWindow = new ArrayList<List<Double>>();
        var firstAndLast = new HashMap<Long, long[]>(); // post → its first and last receipt (nanos)
        for (var receipt : load.receipts()) {
            var post = written.get(receipt.post());
            if (post != null && receipt.nanos() >= steadyStart && receipt.nanos() < steadyEnd) {
                double latency = (receipt.nanos() - post.createdNanos()) / 1e6;
                latencies.add(latency);
                fromSend.add((receipt.nanos() - post.sentNanos()) / 1e6);
                int window = (int) ((receipt.nanos() - steadyStart) / WINDOW_NANOS);
                while (byWindow.size() <= window) {
                    byWindow.add(new ArrayList<>());
                }
                byWindow.get(window).add(latency);
                var span = firstAndLast.computeIfAbsent(receipt.post(), id -> new long[] {Long.MAX_VALUE, 0});
                span[0] = Math.min(span[0], receipt.nanos());
                span[1] = Math.max(span[1], receipt.nanos());
            }
        }
        // Per post: how long until its first reader had it (the commit, the dispatcher's wake-up and read) and how
        // long from its first reader to its last (the fan-out): which of the two the tail is made of
        var firstReceipt = new ArrayList<Double>();
        var spread = new ArrayList<Double>();
        firstAndLast.forEach((id, span) -> {
            firstReceipt.add((span[0] - written.get(id).createdNanos()) / 1e6);
            spread.add((span[1] - span[0]) / 1e6);
        });
        Collections.sort(firstReceipt);
        Collections.sort(spread);
        Collections.sort(latencies);
        Collections.sort(fromSend);
        // The tail per ten seconds of the steady phase: whether it comes from the node's first seconds (its JIT
        // still compiling) or from every moment alike
        var p99By10s = new ArrayList<Double>();
        for (var window : byWindow) {
            Collections.sort(window);
            p99By10s.add(at(window, 0.99));
        }
        return new Delivery(written.size() + writer.reactions(), load.eventsReceived(), expected, lost,
                lostBeforeStorm, lostInGaps, clientsThatLost, duplicates, outOfOrder, latencies, fromSend, p99By10s,
                firstReceipt, spread, Map.copyOf(load.eventsReceivedByType()));
    }

    /**
     * Seconds from the kill until every client is connected again and holds every post it should see that the writer
     * had been answered for by the time the last client was back: what the replay of {@code Last-Event-ID} delivers.
     */
    static double allBack(SseLoad load, LiveWriter writer, long killed) {
        long lastConnected = load.clients().stream().mapToLong(c -> c.connectedNanos).max().orElse(killed);
        var receivedAt = new HashMap<Long, Long>(); // (client, post) packed → nanos; a client's first receipt counts
        for (var receipt : load.receipts()) {
            receivedAt.putIfAbsent(key(receipt.client(), receipt.post()), receipt.nanos());
        }
        long back = lastConnected;
        for (var client : load.clients()) {
            for (var post : writer.written().values()) {
                if (post.answeredNanos() < lastConnected && client.filter.sees(post.forumId(), post.threadId())) {
                    Long at = receivedAt.get(key(client.index, post.id()));
                    if (at != null) {
                        back = Math.max(back, at);
                    }
                }
            }
        }
        return (back - killed) / 1e9;
    }

    private static long key(int client, long post) {
        return ((long) client << 40) | post;
    }

    private static double at(List<Double> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return LiveBenchmark.round(
                sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)));
    }

    Map<String, Object> asMap() {
        var map = new java.util.LinkedHashMap<String, Object>();
        map.put("events_sent", eventsSent);
        map.put("events_received", eventsReceived);
        map.put("events_received_by_type", new java.util.TreeMap<>(receivedByType));
        map.put("post_deliveries_expected", deliveriesExpected);
        map.put("post_deliveries_measured", (long) latenciesMs.size());
        // p50_ms..max_ms: from the post's creation in the server's transaction (commit-to-client, an upper bound);
        // from_send_*: from the moment the writer sent its request, as NodeBB's figures are measured
        map.put("p50_ms", at(latenciesMs, 0.50));
        map.put("p95_ms", at(latenciesMs, 0.95));
        map.put("p99_ms", at(latenciesMs, 0.99));
        map.put("max_ms", latenciesMs.isEmpty() ? 0.0 : LiveBenchmark.round(latenciesMs.getLast()));
        map.put("p99_ms_per_10_s", p99By10s);
        map.put("first_reader_p50_ms", at(firstReceiptMs, 0.50));
        map.put("first_reader_p99_ms", at(firstReceiptMs, 0.99));
        map.put("first_to_last_reader_p50_ms", at(spreadMs, 0.50));
        map.put("first_to_last_reader_p99_ms", at(spreadMs, 0.99));
        map.put("from_send_p50_ms", at(fromSendMs, 0.50));
        map.put("from_send_p95_ms", at(fromSendMs, 0.95));
        map.put("from_send_p99_ms", at(fromSendMs, 0.99));
        map.put("from_send_max_ms", fromSendMs.isEmpty() ? 0.0 : LiveBenchmark.round(fromSendMs.getLast()));
        map.put("lost", lost);
        map.put("lost_of_posts_before_storm", lostBeforeStorm);
        // where the loss is: in gaps (a later post arrived, so the server skipped this one) or in a client's tail
        map.put("lost_in_gaps", lostInGaps);
        map.put("clients_that_lost", clientsThatLost);
        map.put("duplicates", duplicates);
        map.put("out_of_order", outOfOrder);
        return map;
    }
}
