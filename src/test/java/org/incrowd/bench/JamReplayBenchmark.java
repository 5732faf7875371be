package org.incrowd.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./incrowd bench jam}: an InnovationJam replay at ten times its peak on PostgreSQL, with faults. A real
 * PostgreSQL (embedded binaries, a fixed data folder) and Incrowd as a separate JVM against it; the demo crowd, each
 * person with a token of their own, posts and reacts at fixed rates while live readers hold Server-Sent Events streams
 * and others view pages and search. A {@link JamFaults} injector kills the application with SIGKILL every few minutes
 * and restarts PostgreSQL once. Afterwards every acknowledged write is looked up in the database (see
 * {@link WriteLedger}) and every reader's events are checked. Writes {@code bench/results/jam.json}.
 */
public final class JamReplayBenchmark {

    static final Path RESULTS = Path.of("bench", "results", "jam.json");
    private static final Path WORK = Path.of("target", "bench-jam");
    private static final int SERVER_PORT = 18500;
    private static final int POSTGRES_PORT = 18501;
    private static final String DATABASE = "incrowd";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int WATCHED_THREADS_PER_FORUM = 3;

    record Options(int minutes, int readers, double posts, double reactions, double pages, double searches,
                   String heap, List<String> serverJvm) {

        static Options parse(String[] args) {
            var options = new Options(30, 2_000, 20, 1_000, 4, 2, "1g", List.of());
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                options = switch (args[i]) {
                    case "--minutes" -> new Options(Integer.parseInt(value), options.readers, options.posts,
                            options.reactions, options.pages, options.searches, options.heap, options.serverJvm);
                    case "--readers" -> new Options(options.minutes, Integer.parseInt(value), options.posts,
                            options.reactions, options.pages, options.searches, options.heap, options.serverJvm);
                    case "--reactions" -> new Options(options.minutes, options.readers, options.posts,
                            Double.parseDouble(value), options.pages, options.searches, options.heap,
                            options.serverJvm);
                    case "--heap" -> new Options(options.minutes, options.readers, options.posts,
                            options.reactions, options.pages, options.searches, value, options.serverJvm);
                    // A flight recording, a collector: e.g. -XX:StartFlightRecording=filename=target/jam-%p.jfr
                    case "--server-jvm" -> new Options(options.minutes, options.readers, options.posts,
                            options.reactions, options.pages, options.searches, options.heap,
                            List.of(value.trim().split("\\s+")));
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]
                            + "; known: --minutes M --readers N --reactions PER_S --heap SIZE --server-jvm 'OPTIONS'");
                };
                i++;
            }
            return options;
        }
    }

    /** The demo's live Jam as the replay uses it. */
    /** {@code helpQuestions}: the watched threads that only employees answer (below). */
    record Jam(long id, List<Long> forums, List<Long> threads, Set<Long> helpQuestions) {
    }

    private EmbeddedPostgres postgres;
    private ServerProcess server;
    /** Where the node sends the mail its crowd's replies cause, as a deployed node sends it to its organisation's. */
    private CountingSmtpServer smtp;

    private JamReplayBenchmark() {}

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        var results = new LinkedHashMap<String, Object>();
        results.put("machine", Machine.describe());
        results.put("load_average_before", Machine.loadAverage());
        results.put("minutes", options.minutes());
        results.put("server_jvm_options", options.serverJvm());
        results.put("target", Map.of("posts_per_s", options.posts(), "reactions_per_s", options.reactions(),
                "live_readers", options.readers(), "page_views_per_s", options.pages(), "searches_per_s",
                options.searches()));
        var bench = new JamReplayBenchmark();
        try {
            bench.run(options, results); // fills in as it goes, so that a failure half-way keeps what was measured
        } catch (Exception e) {
            e.printStackTrace();
            results.put("failed", String.valueOf(e));
        } finally {
            bench.stopAll();
        }
        results.put("load_average_after", Machine.loadAverage());
        BenchResults.merge(RESULTS, results);
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
    }

    private void run(Options options, Map<String, Object> result) throws Exception {
        deleteRecursively(WORK);
        Path serverData = Files.createDirectories(WORK.resolve("server"));
        startPostgres(true);
        int streams = options.readers() + options.readers() / 10 + 100;
        smtp = new CountingSmtpServer(Duration.ofMinutes(1), Duration.ofMinutes(1));
        var nodeOptions = new ArrayList<>(smtp.nodeOptions());
        nodeOptions.addAll(List.of("--spring.datasource.url=" + jdbcUrl(),
                "--spring.datasource.driver-class-name=org.postgresql.Driver",
                "--spring.datasource.username=postgres",
                // The crowd writes at the replay's rate, far above the per-person limits; one token holds
                // every live stream.
                "--incrowd.posting.per-minute=1000000", "--incrowd.reactions.per-minute=1000000",
                "--incrowd.search.per-person.per-minute=1000000",
                // Every search carries the readers' one token: the limit of searches at once is a person's.
                "--incrowd.search.per-person.at-once=1000",
                "--incrowd.live.streams-per-person=" + streams, "--incrowd.live.streams-per-address=" + streams,
                "--incrowd.live.max-streams=" + streams));
        server = new ServerProcess(ServerProcess.APP_JAR, serverData, SERVER_PORT, options.heap(),
                options.serverJvm(), nodeOptions);
        long setupStart = System.nanoTime();
        System.out.println("Starting Incrowd on PostgreSQL (port " + SERVER_PORT + ")...");
        server.start();
        result.put("first_start_s", Percentiles.round((System.nanoTime() - setupStart) / 1e9));
        URI base = URI.create("http://127.0.0.1:" + SERVER_PORT);
        var session = DemoSession.participant(base);
        String readerToken = "Bearer " + session.createApiToken("jam replay readers");
        var http = HttpClient.newHttpClient();
        var jam = demoJam(http, readerToken, base);
        var crowd = crowd(http, base, jam.id());
        System.out.printf("Crowd of %d people; %d forums, %d watched threads%n", crowd.size(), jam.forums().size(),
                jam.threads().size());

        var pages = new ArrayList<String>();
        pages.add("/jams/" + jam.id());
        jam.forums().forEach(forum -> pages.add("/forums/" + forum));
        jam.threads().forEach(thread -> pages.add("/threads/" + thread));
        var errors = new ClientErrors();
        var windows = new FaultWindows();
        var ledger = new WriteLedger();
        var visits = new PageVisits(base, readerToken, pages, options.pages(), options.searches(), errors);
        try (var load = new SseLoad(new InetSocketAddress("127.0.0.1", SERVER_PORT), jam.id(), readerToken,
                filters(jam, options.readers(), LiveBenchmark.Listens.of(http, base, readerToken, jam.id(),
                        jam.forums(), jam.threads())))) {
            load.start();
            long connectStart = System.nanoTime();
            while (load.connected() < options.readers() && System.nanoTime() - connectStart < 180e9) {
                Thread.sleep(100);
            }
            result.put("readers_connected_at_start", load.connected());
            result.put("readers_connect_s", Percentiles.round((System.nanoTime() - connectStart) / 1e9));
            System.out.printf("%d live readers connected; replaying for %d minutes...%n", load.connected(),
                    options.minutes());

            var writers = new JamWriters(base, crowd, jam.forums(), jam.threads(), jam.helpQuestions(), options.posts(),
                    options.reactions(), ledger, errors);
            var faults = new JamFaults(JamFaults.schedule(options.minutes()), target(options, visits, load,
                    jam), windows);
            long start = System.nanoTime();
            writers.start();
            visits.start();
            var injector = Thread.ofPlatform().name("jam-faults").start(() -> faults.run(start));
            long end = start + Duration.ofMinutes(options.minutes()).toNanos();
            var loads = new ArrayList<String>();
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(30_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                String loadAverage = Machine.loadAverage();
                loads.add(loadAverage);
                System.out.printf("%4.0f s: %d posts and %d reactions acknowledged, %d readers connected, "
                                + "%d client errors, load %s%n", (System.nanoTime() - start) / 1e9,
                        ledger.posts().size(), ledger.reactionsAcknowledged(), load.connected(), errors.all().size(),
                        loadAverage);
            }
            injector.interrupt();
            injector.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            visits.stop();
            writers.stop(JamFaults.SETTLE);
            try {
                result.put("server_rss_mb", server.memoryMb("VmRSS"));
                result.put("mails_received", smtp.received());
            } catch (IOException gone) {
                result.put("server_rss_mb", "the server is not running");
            }
            Thread.sleep(JamFaults.SETTLE); // the last events reach the readers
            load.stop();
            result.put("load_average_samples", loads);
            result.put("reached", reached(ledger, visits, seconds, start));
            result.put("writers", writers.counts());
            result.put("page_views_not_sent_generator_saturated", visits.notSent());
            result.put("client_errors", errors.counts(windows));
            result.put("live", live(load, ledger, windows));
            result.put("pages_outside_fault_windows", visits.latencies("page", windows));
            result.put("searches_outside_fault_windows", visits.latencies("search", windows));
            result.put("faults", faultsWithFirstWrite(faults, ledger));
            result.put("fault_injection_failed", faults.failed());
            result.put("writes", ledger.check(storedPosts(), storedReactions()).asMap());
        }
    }

    private JamFaults.Target target(Options options, PageVisits visits, SseLoad load, Jam jam) {
        String probe = "/threads/" + jam.threads().getFirst();
        return new JamFaults.Target() {
            @Override
            public void killApplication() throws Exception {
                server.kill();
            }

            @Override
            public void startApplication() throws Exception {
                server.start();
            }

            @Override
            public void restartPostgres() throws Exception {
                postgres.close();
                startPostgres(false);
            }

            @Override
            public boolean pageAnswers() {
                return visits.answers(probe);
            }

            @Override
            public boolean allReadersConnected() {
                return load.connected() >= options.readers();
            }
        };
    }

    private void startPostgres(boolean create) throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().setDataDirectory(WORK.resolve("postgres")).setCleanDataDirectory(false)
                .setPort(POSTGRES_PORT).setPGStartupWait(Duration.ofSeconds(120))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(WORK.resolve("postgres.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(WORK.resolve("postgres.log").toFile()))
                .start();
        if (create) {
            try (var connection = postgres.getPostgresDatabase().getConnection();
                 var statement = connection.createStatement()) {
                statement.execute("create database " + DATABASE);
            }
        }
    }

    private static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + POSTGRES_PORT + "/" + DATABASE;
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    private void stopAll() {
        if (smtp != null) {
            smtp.close();
        }
        try {
            if (server != null) {
                server.close();
            }
        } catch (Exception e) {
            System.err.println("Could not stop the server: " + e);
        }
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            System.err.println("Could not stop PostgreSQL: " + e);
        }
    }

    /**
     * The demo's people, each with a fresh API token (written straight into the database, as the profile page would
     * store it: only its SHA-256), joined to the Jam.
     */
    private static List<JamWriters.Person> crowd(HttpClient http, URI base, long jamId) throws Exception {
        var people = new ArrayList<JamWriters.Person>();
        try (var db = database()) {
            var ids = new ArrayList<Long>();
            var employees = new HashSet<Long>();
            try (var query = db.prepareStatement("select id, participant_type from person where email like "
                    + "'%@demo.incrowd.example' and deactivated_at is null and email_verified_at is not null order by id");
                 var rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                    if ("EMPLOYEE".equals(rows.getString(2))) {
                        employees.add(rows.getLong(1));
                    }
                }
            }
            try (var insert = db.prepareStatement("insert into api_token (person_id, name, token_hash, created_at) "
                    + "values (?, 'jam replay', ?, ?)")) {
                for (long id : ids) {
                    String secret = "ict_" + UUID.randomUUID().toString().replace("-", "");
                    insert.setLong(1, id);
                    insert.setString(2, sha256(secret));
                    insert.setTimestamp(3, Timestamp.from(Instant.now()));
                    insert.addBatch();
                    people.add(new JamWriters.Person(id, "Bearer " + secret, employees.contains(id)));
                }
                insert.executeBatch();
            }
        }
        var joined = new ArrayList<JamWriters.Person>();
        for (var person : people) {
            var answer = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/jams/" + jamId + "/join"))
                    .header("Authorization", person.authorization()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"acceptTerms\":true}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 204 || answer.statusCode() == 409) {
                joined.add(person);
            }
        }
        return joined;
    }

    private static String sha256(String secret) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The demo's live Jam, its forums and the first ideas of each forum as the watched threads. */
    private static Jam demoJam(HttpClient http, String authorization, URI base) throws Exception {
        long jamId = -1;
        for (JsonNode jam : get(http, authorization, base, "/api/v1/jams")) {
            if ("LIVE".equals(jam.get("phase").asString())) {
                jamId = jam.get("id").asLong();
            }
        }
        if (jamId < 0) {
            throw new IllegalStateException("The demo content has no live Jam");
        }
        http.send(HttpRequest.newBuilder(base.resolve("/api/v1/jams/" + jamId + "/join"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"acceptTerms\":true}")).build(),
                HttpResponse.BodyHandlers.discarding());
        var forums = new ArrayList<Long>();
        var threads = new ArrayList<Long>();
        for (JsonNode forum : get(http, authorization, base, "/api/v1/jams/" + jamId + "/forums")) {
            long forumId = forum.get("id").asLong();
            forums.add(forumId);
            JsonNode ideas = get(http, authorization, base, "/api/v1/forums/" + forumId + "/threads").get("ideas");
            for (int i = 0; i < Math.min(WATCHED_THREADS_PER_FORUM, ideas.size()); i++) {
                threads.add(ideas.get(i).get("id").asLong());
            }
        }
        // A help question is answered by the organisation's employees only, and the crowd has customers and
        // partners too: the replay's replies to them come from employees, as their refusals would say nothing of load.
        var helpQuestions = new HashSet<Long>();
        var help = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/help/" + jamId + "/questions"))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
        if (help.statusCode() == 200) {
            JSON.readTree(help.body()).get("questions").forEach(q -> helpQuestions.add(q.get("id").asLong()));
        }
        return new Jam(jamId, forums, threads, helpQuestions);
    }

    private static JsonNode get(HttpClient http, String authorization, URI base, String path) throws Exception {
        var answer = http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization)
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode());
        }
        return JSON.readTree(answer.body());
    }

    /** Readers as pages are open: a fifth on the Jam's page, two fifths on a forum, two fifths on a thread. */
    static List<SseLoad.Filter> filters(Jam jam, int readers, LiveBenchmark.Listens listens) {
        var filters = new ArrayList<SseLoad.Filter>(readers);
        for (int i = 0; i < readers; i++) {
            filters.add(switch (i % 5) {
                case 0 -> listens.jamPage();
                case 1, 2 -> listens.forumPage(jam.forums().get(i % jam.forums().size()));
                default -> listens.threadPage(jam.threads().get(i % jam.threads().size()));
            });
        }
        return filters;
    }

    /** Nonce → ids of the rows carrying it, for every replay post in the database. */
    private static Map<Long, List<Long>> storedPosts() throws SQLException {
        var stored = new HashMap<Long, List<Long>>();
        try (var db = database(); var query = db.prepareStatement(
                "select id, body from post where body like 'jam-replay-%'"); var rows = query.executeQuery()) {
            while (rows.next()) {
                stored.computeIfAbsent(WriteLedger.nonceOf(rows.getString(2)), n -> new ArrayList<>())
                        .add(rows.getLong(1));
            }
        }
        return stored;
    }

    /** Every reaction on a replay post, keyed by {@link WriteLedger#key}. */
    private static Map<Long, String> storedReactions() throws SQLException {
        var stored = new HashMap<Long, String>();
        try (var db = database(); var query = db.prepareStatement("""
                select r.post_id, r.person_id, r.kind from reaction r join post p on p.id = r.post_id
                where p.body like 'jam-replay-%'"""); var rows = query.executeQuery()) {
            while (rows.next()) {
                stored.put(WriteLedger.key(rows.getLong(1), rows.getLong(2)), rows.getString(3));
            }
        }
        return stored;
    }

    private static Map<String, Object> reached(WriteLedger ledger, PageVisits visits, double seconds, long start) {
        var map = new LinkedHashMap<String, Object>();
        map.put("seconds", Percentiles.round(seconds));
        map.put("posts_acknowledged_per_s", Percentiles.round(ledger.posts().size() / seconds));
        map.put("reactions_acknowledged_per_s", Percentiles.round(ledger.reactionsAcknowledged() / seconds));
        var answered = visits.visits();
        map.put("page_views_answered_per_s",
                Percentiles.round(answered.stream().filter(v -> v.what().equals("page")).count() / seconds));
        map.put("searches_answered_per_s",
                Percentiles.round(answered.stream().filter(v -> v.what().equals("search")).count() / seconds));
        return map;
    }

    /**
     * What the readers received against what they should have: every acknowledged post their filter covers, once.
     * Latency runs from the moment the acknowledged request was sent to the moment a reader read the event, for
     * posts sent and received outside the fault windows.
     */
    static Map<String, Object> live(SseLoad load, WriteLedger ledger, FaultWindows windows) {
        var byId = new HashMap<Long, WriteLedger.Post>();
        ledger.posts().forEach(post -> byId.put(post.id(), post));
        long expected = 0;
        long missed = 0;
        long duplicates = 0;
        long outOfOrder = 0;
        for (var client : load.clients()) {
            for (var post : byId.values()) {
                if (client.filter.sees(post.forumId(), post.threadId())) {
                    expected++;
                    if (!client.posts.contains(post.id())) {
                        missed++;
                    }
                }
            }
            duplicates += client.duplicates;
            outOfOrder += client.outOfOrder;
        }
        var latencies = new ArrayList<Double>();
        for (var receipt : load.receipts()) {
            var post = byId.get(receipt.post());
            if (post != null && !windows.overlaps(post.sentNanos(), receipt.nanos())) {
                latencies.add((receipt.nanos() - post.sentNanos()) / 1e6);
            }
        }
        var map = new LinkedHashMap<String, Object>();
        map.put("readers", load.clients().size());
        map.put("events_received", load.eventsReceived());
        map.put("post_deliveries_expected", expected);
        map.put("post_deliveries_missed", missed);
        map.put("duplicate_post_events", duplicates);
        map.put("event_ids_repeated_or_out_of_order", outOfOrder);
        map.put("reconnects_and_refusals", load.failures());
        map.put("deliveries_timed_outside_fault_windows", latencies.size());
        map.putAll(Percentiles.of(latencies));
        return map;
    }

    /** Each fault's recovery, with the first write acknowledged after it. */
    private static List<Map<String, Object>> faultsWithFirstWrite(JamFaults faults, WriteLedger ledger) {
        var list = new ArrayList<Map<String, Object>>();
        for (var recovery : faults.recoveries()) {
            var copy = new LinkedHashMap<>(recovery);
            long t0 = (long) copy.remove("t0_nanos");
            ledger.posts().stream().filter(post -> post.sentNanos() > t0)
                    .mapToLong(WriteLedger.Post::answeredNanos).min()
                    .ifPresent(at -> copy.put("first_post_acknowledged_s", Percentiles.round((at - t0) / 1e9)));
            list.add(copy);
        }
        return list;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var files = Files.walk(path)) {
            files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
