package org.incrowd.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./incrowd bench pages}: page throughput for signed-in readers. Incrowd runs as a separate JVM (its demo
 * content, H2) and 64 connections, each with its own signed-in session, read one page at a time in a closed loop
 * with no pause: a thread of 20 posts, a forum of 50 ideas, the Jam's home, and what their live regions fetch again
 * in their place (the thread's replies, the forum's ideas, the home's latest activity), 30 seconds each. Twice: with the demo Jam
 * (topped up to such a thread and forum) and with the same Jam grown to 100,000 posts, written in batches straight
 * into the server's H2 file while the server is stopped (the pages read rows, not how they were written). Reports
 * throughput and p50/p95/p99 per page, and writes {@code bench/results/pages.json}.
 *
 * <p>The load generator is one {@link HttpClient} (HTTP/1.1, one selector thread, a pool of 64 kept-alive
 * connections) driven by 64 virtual threads; it discards bodies unread, so it costs little of the two cores it shares
 * with the server. Each request carries its connection's session cookie.
 */
public final class PagesBenchmark {

    static final Path RESULTS = Path.of("bench", "results", "pages.json");
    private static final int THREAD_POSTS = 20;
    private static final int FORUM_IDEAS = 50;
    private static final int LARGE_JAM_POSTS = 100_000;
    private static final String BODY = "A synthetic post, long enough to look like one: we could pilot the idea in "
            + "two regions first and measure how many teams take it up within a month. **What** would you change?";

    private record Options(int connections, int seconds, int warmUpSeconds, int port, boolean large,
                           boolean catchUp, Path jfr, Path jar, List<String> only) {

        static Options parse(String[] args) {
            int connections = 64;
            int seconds = 30;
            int warmUp = 10;
            int port = 18210;
            boolean large = true;
            boolean catchUp = true;
            Path jfr = null;
            Path jar = ServerProcess.APP_JAR;
            List<String> only = List.of();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--connections" -> connections = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--warm-up" -> warmUp = Integer.parseInt(args[++i]);
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--demo-only" -> large = false;
                    case "--no-catch-up" -> catchUp = false;
                    case "--jfr" -> jfr = Path.of(args[++i]).toAbsolutePath();
                    case "--jar" -> jar = Path.of(args[++i]);
                    case "--only" -> only = List.of(args[++i].split(","));
                    default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; known:"
                            + " --connections N --seconds S --warm-up S --port P --demo-only --no-catch-up --jfr FILE.jfr"
                            + " --jar FILE.jar --only thread,forum,jam_home,thread_replies,forum_ideas,jam_activity");
                }
            }
            return new Options(connections, seconds, warmUp, port, large, catchUp, jfr, jar.toAbsolutePath(), only);
        }
    }

    /** The pages read, and the parts of them their live regions fetch again, by path. */
    private record Pages(long jamId, long forumId, long threadId, List<String> only) {

        /**
         * The pages to read, by name; with {@code --only}, just those named, in that order (a short run of one page,
         * or pages in turn the other way round: the later ones find the JIT further on).
         */
        Map<String, String> paths() {
            var paths = new LinkedHashMap<String, String>();
            paths.put("thread", "/threads/" + threadId);
            paths.put("forum", "/forums/" + forumId);
            paths.put("jam_home", "/jams/" + jamId);
            // What the open pages' live regions fetch again in their place (a new reply, a new idea, a new post)
            paths.put("thread_replies", "/threads/" + threadId + "/replies");
            paths.put("forum_ideas", "/forums/" + forumId + "/ideas");
            paths.put("jam_activity", "/jams/" + jamId + "/sections/activity");
            if (only.isEmpty()) {
                return paths;
            }
            var named = new LinkedHashMap<String, String>();
            only.stream().filter(paths::containsKey).forEach(name -> named.put(name, paths.get(name)));
            return named;
        }
    }

    private PagesBenchmark() {}

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        var results = new LinkedHashMap<String, Object>();
        results.put("machine", Machine.describe());
        results.put("load_average_before", Machine.loadAverage());
        results.put("connections", options.connections());
        results.put("seconds_per_page", options.seconds());
        results.put("client", "one java.net.http client (HTTP/1.1, 64 kept-alive connections, bodies discarded),"
                + " 64 virtual threads in a closed loop, on the same 2 cores as the server");
        Path data = Files.createTempDirectory("incrowd-bench-pages-");
        try {
            // Pages alone: the sentence encoder stays off, so that these figures compare with earlier runs.
            var server = new ServerProcess(options.jar(), data, options.port(),
                    "1g", List.of("--incrowd.meaning.encode-posts=false"));
            // First start: Flyway and the demo content; then the rows the pages need are added while it is stopped.
            server.start();
            server.close();
            var pages = prepare(data, 0, options.only());
            results.put("demo_jam", run(server, pages, options, "demo"));
            if (options.large()) {
                server.close();
                long started = System.nanoTime();
                prepare(data, LARGE_JAM_POSTS, options.only());
                System.out.printf("Wrote the Jam's posts up to %,d in %.1f s%n", LARGE_JAM_POSTS,
                        (System.nanoTime() - started) / 1e9);
                results.put("jam_of_100000_posts", run(server, pages, options, "large"));
                if (options.catchUp()) {
                    // The same pages while the node encodes the 100,000 posts it found without vectors (issue 15).
                    var encoding = new ServerProcess(options.jar(), data, options.port(), "1g",
                            List.of("--logging.level.org.incrowd.meaning=INFO"));
                    long start = System.nanoTime();
                    var during = run(encoding, pages, options, "catch-up", false);
                    during.put("vector_catch_up", VectorCatchUp.awaitIn(data, start, Duration.ofMinutes(10)));
                    encoding.close();
                    results.put("jam_of_100000_posts_during_vector_catch_up", during);
                }
            }
            server.close();
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        results.put("load_average_after", Machine.loadAverage());
        results.put("measured_at", Instant.now().toString());
        BenchResults.merge(RESULTS, results);
        System.out.println("Wrote " + RESULTS);
    }

    private static Map<String, Object> run(ServerProcess server, Pages pages, Options options, String label)
            throws Exception {
        return run(server, pages, options, label, true);
    }

    private static Map<String, Object> run(ServerProcess server, Pages pages, Options options, String label,
                                           boolean stop) throws Exception {
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.port());
        var cookies = new ArrayList<String>();
        for (int i = 0; i < options.connections(); i++) {
            cookies.add(DemoSession.participant(base).cookie());
        }
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var result = new LinkedHashMap<String, Object>();
        result.put("load_average_at_start", Machine.loadAverage());
        // Warm-up: every page in turn, so that the JIT has seen them all before anything is measured.
        for (String path : pages.paths().values()) {
            load(http, base.resolve(path), cookies, Duration.ofSeconds(options.warmUpSeconds()));
        }
        if (options.jfr() != null) {
            Path file = options.jfr().resolveSibling(label + "-" + options.jfr().getFileName());
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(server.pid()), "JFR.start", "settings=profile", "filename=" + file,
                    "duration=" + (pages.paths().size() * options.seconds()) + "s").inheritIO().start().waitFor();
        }
        double cpuBefore = server.cpuSeconds();
        for (var page : pages.paths().entrySet()) {
            double pageCpuBefore = server.cpuSeconds();
            var measured = load(http, base.resolve(page.getValue()), cookies, Duration.ofSeconds(options.seconds()));
            // The server's CPU per answer: what a page costs the node, less swayed than the rate by the generator
            double cpuMs = (server.cpuSeconds() - pageCpuBefore) * 1000 / Math.max(1, measured.requests());
            System.out.printf("%-6s %-14s %s  server CPU %.2f ms each%n", label, page.getKey(), measured, cpuMs);
            var figures = new LinkedHashMap<String, Object>(measured.asMap(page.getValue()));
            figures.put("server_cpu_ms_per_request", Math.round(cpuMs * 100) / 100.0);
            result.put(page.getKey(), figures);
        }
        result.put("server_cpu_seconds", Math.round((server.cpuSeconds() - cpuBefore) * 10) / 10.0);
        result.put("server_resident_mb_peak", server.memoryMb("VmHWM"));
        result.put("load_average_at_end", Machine.loadAverage());
        http.close();
        if (stop) {
            server.close();
        }
        return result;
    }

    /** Every connection reads {@code page} as fast as it is answered, until {@code phase} has passed. */
    private static Throughput load(HttpClient http, URI page, List<String> cookies, Duration phase)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = start + phase.toNanos();
        var errors = new AtomicLong();
        var perConnection = new long[cookies.size()][];
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < cookies.size(); c++) {
            int connection = c;
            var request = HttpRequest.newBuilder(page).header("Cookie", cookies.get(c)).build();
            threads.add(Thread.ofVirtual().start(() -> {
                long[] samples = new long[4096];
                int n = 0;
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (n == samples.length) {
                            samples = Arrays.copyOf(samples, n * 2);
                        }
                        samples[n++] = System.nanoTime() - sent;
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                perConnection[connection] = Arrays.copyOf(samples, n);
            }));
        }
        for (var thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = Arrays.stream(perConnection).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Throughput(all.length, errors.get(), all.length / seconds, at(all, 0.50), at(all, 0.95),
                at(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return Math.round(sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e5)
                / 10.0;
    }

    private record Throughput(int requests, long errors, double perSecond, double p50, double p95, double p99,
                              double max) {

        Map<String, Object> asMap(String path) {
            var map = new LinkedHashMap<String, Object>();
            map.put("path", path);
            map.put("requests", requests);
            map.put("errors", errors);
            map.put("requests_per_second", Math.round(perSecond));
            map.put("p50_ms", p50);
            map.put("p95_ms", p95);
            map.put("p99_ms", p99);
            map.put("max_ms", Math.round(max * 10) / 10.0);
            return map;
        }

        @Override
        public String toString() {
            return String.format("%,7.0f requests/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms  errors %d",
                    perSecond, p50, p95, p99, max, errors);
        }
    }

    /**
     * Tops the demo's live Jam (open to every signed-in person) up, in the stopped server's H2 file: its first forum to 50 ideas, one idea
     * with 19 replies (a thread of 20 posts), and then the whole Jam to {@code jamPosts} posts (threads of 20 posts
     * spread over its forums). Returns the pages to read.
     */
    private static Pages prepare(Path data, int jamPosts, List<String> only) throws SQLException {
        String url = "jdbc:h2:file:" + data.resolve("incrowd") + ";AUTO_SERVER=FALSE";
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            db.setAutoCommit(false);
            long jamId = single(db, """
                    select id from jam where published and not invitation_only and not community
                    and starts_at <= current_timestamp and ends_at > current_timestamp order by id limit 1""");
            long forumId = single(db, "select id from forum where jam_id = " + jamId + " order by position, id limit 1");
            List<Long> authors = longs(db, "select person_id from jam_member where jam_id = " + jamId
                    + " order by person_id limit 200");
            List<Long> forums = longs(db, "select id from forum where jam_id = " + jamId + " order by position, id");
            var writer = new PostWriter(db, jamId, authors);
            long ideas = single(db, "select count(*) from post where forum_id = " + forumId + " and parent_id is null");
            for (long i = ideas; i < FORUM_IDEAS; i++) {
                writer.thread(forumId, 1);
            }
            var found = longs(db, "select id from post where title = 'Bench thread' and forum_id = " + forumId);
            long threadId = found.isEmpty() ? writer.thread(forumId, THREAD_POSTS, "Bench thread") : found.getFirst();
            long posts = single(db, "select count(*) from post where jam_id = " + jamId);
            for (int f = 0; posts < jamPosts; f++) {
                int size = (int) Math.min(THREAD_POSTS, jamPosts - posts);
                writer.thread(forums.get(f % forums.size()), size);
                posts += size;
            }
            writer.flush();
            db.commit();
            return new Pages(jamId, forumId, threadId, only);
        }
    }

    /** Writes threads in batches: the idea one by one (its id is its thread's), the replies batched. */
    private static final class PostWriter {

        private final Connection db;
        private final long jamId;
        private final List<Long> authors;
        private final PreparedStatement idea;
        private final PreparedStatement reply;
        private int next;
        private int batched;

        PostWriter(Connection db, long jamId, List<Long> authors) throws SQLException {
            this.db = db;
            this.jamId = jamId;
            this.authors = authors;
            String insert = "insert into post (jam_id, forum_id, thread_id, parent_id, author_id, title, body,"
                    + " body_html, created_at, depth) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            this.idea = db.prepareStatement(insert, Statement.RETURN_GENERATED_KEYS);
            this.reply = db.prepareStatement(insert);
        }

        long thread(long forumId, int size) throws SQLException {
            return thread(forumId, size, "A synthetic idea " + (next + 1));
        }

        long thread(long forumId, int size, String title) throws SQLException {
            var now = Timestamp.from(Instant.now());
            bind(idea, forumId, null, null, title, now, 0);
            idea.executeUpdate();
            long id;
            try (var keys = idea.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            try (var update = db.prepareStatement("update post set thread_id = ? where id = ?")) {
                update.setLong(1, id);
                update.setLong(2, id);
                update.executeUpdate();
            }
            for (int r = 1; r < size; r++) {
                bind(reply, forumId, id, id, null, now, 1);
                reply.addBatch();
                if (++batched == 5_000) {
                    flush();
                }
            }
            return id;
        }

        void flush() throws SQLException {
            if (batched > 0) {
                reply.executeBatch();
                batched = 0;
            }
            db.commit();
        }

        private void bind(PreparedStatement insert, long forumId, Long threadId, Long parentId, String title,
                          Timestamp now, int depth) throws SQLException {
            insert.setLong(1, jamId);
            insert.setLong(2, forumId);
            insert.setObject(3, threadId);
            insert.setObject(4, parentId);
            insert.setLong(5, authors.get(next++ % authors.size()));
            insert.setString(6, title);
            insert.setString(7, BODY);
            insert.setString(8, "<p>" + BODY.replace("**What**", "<strong>What</strong>") + "</p>");
            insert.setTimestamp(9, now);
            insert.setInt(10, depth);
        }
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (var rows = db.createStatement().executeQuery(sql)) {
            if (!rows.next()) {
                throw new IllegalStateException("No row for " + sql);
            }
            return rows.getLong(1);
        }
    }

    private static List<Long> longs(Connection db, String sql) throws SQLException {
        var values = new ArrayList<Long>();
        try (var rows = db.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
        }
        return values;
    }
}
