package org.incrowd.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes at a steady rate through the HTTP API, as people do during a Jam: every tick a new idea in a forum or a
 * reply in one of the watched threads (taking turns), and reactions on the watched threads' ideas. Requests go out on
 * schedule whatever the answers' speed (an open loop), so a slow server does not slow the load down. Records, per
 * post, when its request was sent: the upper bound of its commit time that latencies are measured from.
 */
final class LiveWriter {

    /**
     * A post the server accepted: where it is and when the request that made it was sent and answered, and when the
     * server created it ({@code createdAt}, taken inside the transaction just before it commits: an upper bound of the
     * commit time, read on the same machine's clock), all as this process's {@code System.nanoTime}.
     */
    record Written(long id, long forumId, long threadId, long sentNanos, long answeredNanos, long createdNanos) {
    }

    /** Wall-clock nanoseconds minus {@code System.nanoTime()}: turns the server's timestamps into this process's. */
    private static final long WALL_OFFSET_NANOS = wallNanos(java.time.Instant.now()) - System.nanoTime();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final String authorization;
    private final List<Long> forums;
    private final List<Long> threads;
    private final double postsPerSecond;
    private final double reactionsPerSecond;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Long, Written> written = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> responseMillis = new ConcurrentLinkedQueue<>();
    private final AtomicLong reactions = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread posting;
    private Thread reacting;

    LiveWriter(URI base, String authorization, List<Long> forums, List<Long> threads, double postsPerSecond,
               double reactionsPerSecond) {
        this.base = base;
        this.authorization = authorization;
        this.forums = forums;
        this.threads = threads;
        this.postsPerSecond = postsPerSecond;
        this.reactionsPerSecond = reactionsPerSecond;
    }

    void start() {
        running.set(true);
        posting = Thread.ofVirtual().name("writer-posts").start(() -> atRate(postsPerSecond, this::post));
        reacting = Thread.ofVirtual().name("writer-reactions").start(() -> atRate(reactionsPerSecond, this::react));
    }

    void stop() throws InterruptedException {
        running.set(false);
        posting.join();
        reacting.join();
        Thread.sleep(2_000); // answers still on their way
    }

    Map<Long, Written> written() {
        return written;
    }

    long reactions() {
        return reactions.get();
    }

    /** Posts the server did not accept (while it restarts, for instance); reactions may fail harmlessly. */
    long failures() {
        return failures.get();
    }

    List<Long> responseMillis() {
        return List.copyOf(responseMillis);
    }

    private void atRate(double perSecond, java.util.function.LongConsumer action) {
        if (perSecond <= 0) {
            return;
        }
        long interval = (long) (1e9 / perSecond);
        long next = System.nanoTime();
        for (long tick = 0; running.get(); tick++) {
            action.accept(tick);
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(wait));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void post(long tick) {
        String path;
        String body;
        if (tick % 2 == 0) {
            long forum = forums.get((int) (tick / 2 % forums.size()));
            path = "/api/v1/forums/" + forum + "/threads";
            body = "{\"title\":\"Live benchmark idea " + tick + "\",\"body\":\"Written at a steady rate.\"}";
        } else {
            long thread = threads.get((int) (tick / 2 % threads.size()));
            path = "/api/v1/posts/" + thread + "/replies";
            body = "{\"body\":\"Live benchmark reply " + tick + "\"}";
        }
        long sent = System.nanoTime();
        send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)), 201)
                .whenComplete((answer, error) -> {
                    if (error != null && failures.incrementAndGet() == 1) {
                        System.err.println("First failed post: " + error);
                    }
                })
                .thenAccept(answer -> {
                    long answered = System.nanoTime();
                    responseMillis.add((answered - sent) / 1_000_000);
                    var post = JSON.readTree(answer);
                    long id = post.get("id").asLong();
                    long created = wallNanos(java.time.Instant.parse(post.get("createdAt").asString()))
                            - WALL_OFFSET_NANOS;
                    written.put(id, new Written(id, post.get("forumId").asLong(), post.get("threadId").asLong(),
                            sent, answered, created));
                });
    }

    private static long wallNanos(java.time.Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** Takes turns between agreeing and disagreeing, so that every request changes a reaction. */
    private void react(long tick) {
        long post = threads.get((int) (tick % threads.size()));
        String kind = (tick / threads.size()) % 2 == 0 ? "AGREE" : "DISAGREE";
        send(HttpRequest.newBuilder(base.resolve("/api/v1/posts/" + post + "/reaction"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"kind\":\"" + kind + "\"}")), 200)
                .thenAccept(answer -> reactions.incrementAndGet());
    }

    private java.util.concurrent.CompletableFuture<String> send(HttpRequest.Builder request, int expected) {
        return http.sendAsync(request.header("Authorization", authorization)
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .thenApply(answer -> {
                    if (answer.statusCode() != expected) {
                        throw new IllegalStateException(answer.statusCode() + " " + answer.body());
                    }
                    return answer.body();
                });
    }
}
