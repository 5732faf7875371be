package org.incrowd.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./incrowd bench live}: many Server-Sent Events clients on one Incrowd server while a writer posts and reacts
 * at a steady rate. Measures commit-to-client latency of posts, lost and duplicated events, the server's CPU and
 * resident memory, and a reconnect storm (the server is killed and started again on the same data while every client
 * is connected). Writes {@code bench/results/live.json}.
 *
 * <p>Latency is measured from the moment the writer <em>sent</em> the request that created the post (an upper bound
 * of its commit time) to the moment a client has read the event from its socket; both clocks are this process's
 * {@code System.nanoTime}.
 */
public final class LiveBenchmark {

    static final Path RESULTS = Path.of("bench", "results", "live.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration DRAIN = Duration.ofSeconds(5);
    private static final int FORUM_THREADS = 3;

    /** Ports of the servers this benchmark starts (one at a time) unless {@code --ports}: the first free one is taken. */
    static final int FIRST_PORT = 18_100;
    static final int LAST_PORT = 18_199;
    /**
     * The server's heap unless {@code --heap} says otherwise. Resident memory counts all of it; with Tomcat about 1.3 GB
     * stayed live with 10,000 streams (its buffers per connection), with Jetty far less (ADR 50); a smaller heap must
     * be measured before it becomes the default.
     */
    static final String DEFAULT_HEAP = "2g";

    record Options(int clients, double rate, double reactionRate, int seconds, boolean findMax, boolean storm,
                   String heap, List<String> jvmOptions, List<String> tasks, boolean aotCache, int firstPort,
                   int lastPort, boolean embeddedMail) {

        static Options parse(String[] args) {
            int clients = 10_000;
            double rate = 5;
            Double reactions = null;
            int seconds = 60;
            boolean findMax = false;
            boolean storm = true;
            String heap = DEFAULT_HEAP;
            var jvmOptions = new ArrayList<String>();
            var tasks = new ArrayList<String>();
            boolean aotCache = true;
            boolean embeddedMail = false;
            int firstPort = FIRST_PORT;
            int lastPort = LAST_PORT;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--clients" -> clients = Integer.parseInt(args[++i]);
                    case "--rate" -> rate = Double.parseDouble(args[++i]);
                    case "--reactions" -> reactions = Double.parseDouble(args[++i]);
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--find-max" -> findMax = true;
                    case "--skip-storm" -> storm = false;
                    case "--heap" -> heap = args[++i];
                    case "--task" -> tasks.add(args[++i]);
                    case "--server-jvm" -> java.util.Arrays.stream(args[++i].trim().split("\\s+"))
                            .filter(option -> !option.isEmpty()).forEach(jvmOptions::add);
                    case "--no-aot-cache" -> aotCache = false;
                    case "--embedded-mail" -> embeddedMail = true;
                    case "--ports" -> {
                        String[] range = args[++i].split("-");
                        firstPort = Integer.parseInt(range[0]);
                        lastPort = Integer.parseInt(range[range.length - 1]);
                    }
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]
                            + "; known: --clients N --rate POSTS_PER_S --reactions PER_S --seconds S --find-max"
                            + " --skip-storm --heap SIZE --server-jvm 'OPTIONS' --task CLASS --no-aot-cache"
                            + " --ports FIRST-LAST --embedded-mail");
                }
            }
            return new Options(clients, rate, reactions == null ? 2 * rate : reactions, seconds, findMax, storm, heap,
                    List.copyOf(jvmOptions), tasks, aotCache, firstPort, lastPort, embeddedMail);
        }
    }

    /** Where the clients look: the demo Jam, its forums and a few threads of each. */
    record Jam(long id, List<Long> forums, List<Long> threads) {
    }

    private LiveBenchmark() {}

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        var results = new LinkedHashMap<String, Object>();
        results.put("machine", Machine.describe());
        results.put("load_average_before", Machine.loadAverage());
        var first = run(options, options.clients(), options.seconds(), options.storm(), true);
        results.putAll(first);
        if (options.findMax()) {
            results.put("find_max", findMax(options, holds(first) ? options.clients() : 0));
        }
        results.put("load_average_after", Machine.loadAverage());
        BenchResults.merge(RESULTS, results);
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
    }

    /**
     * The most streams one generator process opens: its open files (20,000 on the benchmark machine) less those the
     * JVM, the writer and the searches need.
     */
    static final int GENERATOR_CEILING = 19_000;

    /**
     * Steps the client count up by 4,000 until p99 passes 250 ms (or a run fails), the last step at the generator's
     * ceiling; the largest that held is the answer.
     */
    private static Map<String, Object> findMax(Options options, int held) throws Exception {
        var steps = new ArrayList<Map<String, Object>>();
        int largest = held;
        for (int clients = Math.min(options.clients() + 4_000, GENERATOR_CEILING); clients > largest;
             clients = Math.min(clients + 4_000, GENERATOR_CEILING)) {
            Map<String, Object> step;
            try {
                step = run(options, clients, Math.min(options.seconds(), 30), false, false);
            } catch (RuntimeException e) {
                steps.add(Map.of("clients", clients, "failed", e.getMessage()));
                break;
            }
            steps.add(step);
            if (!holds(step)) {
                break;
            }
            largest = clients;
        }
        return Map.of("largest_clients_with_p99_under_250_ms", largest, "steps", steps);
    }

    /** A run holds when every client connected, none lost an event, and p99 stayed under 250 ms. */
    private static boolean holds(Map<String, Object> run) {
        return (double) run.get("p99_ms") < 250 && (long) run.get("lost") == 0
                && ((Number) run.get("clients_connected")).intValue() >= ((Number) run.get("clients")).intValue();
    }

    /** CPU time of this process (the generator, the writer and the tasks), in nanoseconds. */
    private static long generatorCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Map<String, Object> run(Options options, int clients, int seconds, boolean storm,
                                           boolean withTasks) throws Exception {
        Path data = Files.createTempDirectory("incrowd-live-bench-");
        int streams = clients + clients / 10 + 100;
        var deployment = deployment(options);
        var jvmOptions = new ArrayList<>(deployment.jvmOptions());
        jvmOptions.addAll(options.jvmOptions());
        // One demo person writes (and SearchDuringLiveLoad searches) at the benchmark's rate, far above the per-person
        // posting limit, and holds every stream from one address: the stream limits are raised above the run's client
        // count (with room for clients that reconnect before the server has noticed their old stream end).
        var nodeOptions = new ArrayList<>(List.of("--incrowd.posting.per-minute=1000000",
                "--incrowd.reactions.per-minute=1000000", "--incrowd.search.per-person.per-minute=1000000",
                "--incrowd.live.streams-per-person=" + streams, "--incrowd.live.streams-per-address=" + streams,
                "--incrowd.live.max-streams=" + streams));
        // The replies notify their threads' people by mail, as in a Jam; the node sends it to an SMTP server of its
        // own, as a deployed node does, unless --embedded-mail keeps the demo's server (and every message) in its JVM.
        var smtp = options.embeddedMail() ? null : new CountingSmtpServer(Duration.ofMinutes(1), Duration.ofMinutes(1));
        if (smtp != null) {
            nodeOptions.addAll(smtp.nodeOptions());
        }
        var server = new ServerProcess(deployment.jar(), data, freePort(options), options.heap(), jvmOptions,
                nodeOptions);
        try (server; smtp) {
            System.out.printf("Starting Incrowd (heap %s) on port %d...%n", options.heap(), server.port());
            server.start();
            URI base = URI.create("http://127.0.0.1:" + server.port());
            var session = DemoSession.participant(base);
            String authorization = "Bearer " + session.createApiToken("live benchmark");
            var jam = demoJam(session, authorization, base);
            var listens = Listens.of(session.client(), base, authorization, jam.id(), jam.forums(), jam.threads());
            var filters = filters(jam, clients, listens);

            var result = new LinkedHashMap<String, Object>();
            result.put("clients", clients);
            result.put("streams_ask_for", Map.of("jam_page", listens.jam().on(), "forum_page", listens.forum().on(),
                    "thread_page", listens.thread().on()));
            result.put("rate", options.rate());
            result.put("reaction_rate", options.reactionRate());
            result.put("seconds", seconds);
            result.put("server_heap", options.heap());
            result.put("server_jvm_options", String.join(" ", options.jvmOptions()));
            result.put("server_aot_cache", options.aotCache());
            result.put("server_mail", smtp == null ? "the demo's SMTP server in the node's JVM (--embedded-mail)"
                    : "GreenMail in the benchmark's JVM");

            try (var load = new SseLoad(new InetSocketAddress("127.0.0.1", server.port()), jam.id(), authorization,
                    filters)) {
                long connectStart = System.nanoTime();
                load.start();
                waitFor(() -> load.connected() >= clients, CONNECT_TIMEOUT);
                double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
                result.put("clients_connected", load.connected());
                result.put("connect_all_s", round(connectSeconds));
                System.out.printf("%d clients connected in %.1f s; writing for %d s...%n", load.connected(),
                        connectSeconds, seconds);

                var writer = new LiveWriter(base, authorization, jam.forums(), jam.threads(), options.rate(),
                        options.reactionRate());
                double cpuBefore = server.cpuSeconds();
                long selectorBefore = load.selectorCpuNanos();
                long generatorBefore = generatorCpuNanos();
                long[] machineBefore = Machine.cpuTicks();
                long receivedBefore = load.eventsReceived();
                long steadyStart = System.nanoTime();
                writer.start();
                var tasks = withTasks ? startTasks(options.tasks(), base, authorization, session.cookie(),
                        Duration.ofSeconds(seconds)) : Map.<String, Thread>of();
                Thread.sleep(Duration.ofSeconds(seconds));
                long steadyEnd = System.nanoTime();
                double cpuSeconds = server.cpuSeconds() - cpuBefore;
                double steadySeconds = (steadyEnd - steadyStart) / 1e9;
                // The generator shares the cores: its reading thread near 100 % means receipts are stamped late
                result.put("generator_reader_cpu_percent",
                        round(100 * (load.selectorCpuNanos() - selectorBefore) / 1e9 / steadySeconds));
                result.put("generator_cpu_percent", round(100 * (generatorCpuNanos() - generatorBefore) / 1e9
                        / steadySeconds));
                result.put("machine_busy_percent", round(Machine.busyPercent(machineBefore, Machine.cpuTicks())));
                long delivered = load.eventsReceived() - receivedBefore;
                result.put("server_rss_mb", server.memoryMb("VmRSS"));
                // Of which the process's own memory (heap, code, stacks) and mapped files (the index, the AOT cache),
                // which the kernel can drop and read again.
                result.put("server_rss_anon_mb", server.memoryMb("RssAnon"));
                result.put("server_rss_file_mb", server.memoryMb("RssFile"));
                result.put("server_cpu_percent", round(100 * cpuSeconds / ((steadyEnd - steadyStart) / 1e9)));
                result.put("mails_received_by_then", smtp == null ? null : smtp.received());
                // The server's own work per event it delivered: unlike latency, hardly moved by what else shares
                // the machine, so it compares two builds measured at different loads.
                result.put("server_cpu_ms_per_1000_events", delivered == 0 ? null : round(1e6 * cpuSeconds / delivered));

                long killed = 0;
                String stormFailed = null;
                double readyAfter = 0;
                Double stormCpu = null;
                result.put("server_rss_peak_mb", server.memoryMb("VmHWM"));
                if (storm) {
                    System.out.println("Reconnect storm: killing the server and starting it again...");
                    killed = System.nanoTime();
                    server.kill();
                    waitFor(() -> load.connected() == 0, Duration.ofSeconds(30));
                    server.start();
                    readyAfter = (System.nanoTime() - killed) / 1e9;
                    try {
                        waitFor(() -> load.connected() >= clients, CONNECT_TIMEOUT);
                        // The restarted node's whole CPU time until every stream is back (its start, its JIT, the
                        // reconnects): work, so it compares builds measured at different loads, as above.
                        stormCpu = round(server.cpuSeconds());
                    } catch (IllegalStateException tooSlow) {
                        stormFailed = tooSlow.getMessage() + "; " + load.connected() + " of " + clients + " back";
                    }
                    Thread.sleep(Duration.ofSeconds(5));
                }
                writer.stop();
                Thread.sleep(DRAIN);
                load.stop();
                for (var task : tasks.entrySet()) {
                    task.getValue().join();
                }
                result.putAll(Delivery.of(load, writer, steadyStart, killed == 0 ? Long.MAX_VALUE : killed)
                        .asMap());
                // What these streams would ask of the node's pages had they been browsers: each region that
                // listens to an event fetches its page, or its own address, again, at most once a second (live.js)
                var fetches = load.pageFetchesBetween(steadyStart, steadyEnd);
                var pages = new java.util.TreeMap<String, Long>();
                var parts = new java.util.TreeMap<String, Long>();
                fetches.forEach((what, count) -> (what.startsWith("/") ? parts : pages).put(what, count));
                long pageFetches = pages.values().stream().mapToLong(Long::longValue).sum();
                result.put("page_fetches_the_events_would_cause", pageFetches);
                result.put("page_fetches_the_events_would_cause_per_s", round(pageFetches / steadySeconds));
                result.put("page_fetches_per_s_by_page", perSecond(pages, steadySeconds));
                result.put("part_fetches_per_s_by_address", perSecond(parts, steadySeconds));
                // null when skipped, so that an older run's figures are not left standing in the results file
                result.put("reconnect_server_ready_s", storm ? round(readyAfter) : null);
                result.put("reconnect_all_back_s",
                        storm && stormFailed == null ? round(Delivery.allBack(load, writer, killed)) : null);
                result.put("reconnect_server_cpu_s", stormCpu);
                result.put("reconnect_failed", stormFailed);
                // Streams opened and sent away per second after the kill: whether a storm waits for the node's CPU
                // or for the browsers' retry delays
                result.put("reconnect_timeline", storm ? load.timeline(killed, 40) : null);
                result.put("writer_failures", writer.failures());
                result.put("client_connection_failures", load.failures());
                result.put("client_responses_ended_by_server", load.responsesEnded());
                if (withTasks && !TASK_RESULTS.isEmpty()) {
                    result.put("steady_phase_tasks", Map.copyOf(TASK_RESULTS));
                }
            }
            System.out.println(result);
            return result;
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static final Map<String, Object> TASK_RESULTS = new ConcurrentHashMap<>();

    private static Map<String, Thread> startTasks(List<String> classes, URI base, String authorization,
                                                  String cookie, Duration length) throws Exception {
        var threads = new HashMap<String, Thread>();
        for (String name : classes) {
            var task = (SteadyPhaseTask) Class.forName(name).getConstructor().newInstance();
            threads.put(name, Thread.ofVirtual().name("task-" + name).start(() -> {
                try {
                    TASK_RESULTS.put(name, task.run(base, authorization, cookie, length));
                } catch (Exception e) {
                    TASK_RESULTS.put(name, Map.of("failed", String.valueOf(e)));
                }
            }));
        }
        return threads;
    }

    /** The demo's live Jam, its forums, and the first ideas of each forum as the watched threads. */
    private static Jam demoJam(DemoSession session, String authorization, URI base) throws Exception {
        JsonNode jams = get(session, authorization, base, "/api/v1/jams");
        long jamId = -1;
        for (JsonNode jam : jams) {
            if ("LIVE".equals(jam.get("phase").asString())) {
                jamId = jam.get("id").asLong();
            }
        }
        if (jamId < 0) {
            throw new IllegalStateException("The demo content has no live Jam");
        }
        var join = session.client().send(HttpRequest.newBuilder(base.resolve("/api/v1/jams/" + jamId + "/join"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"acceptTerms\":true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (join.statusCode() != 204 && join.statusCode() != 409) {
            throw new IllegalStateException("Joining the demo Jam answered " + join.statusCode() + " " + join.body());
        }
        var forums = new ArrayList<Long>();
        var threads = new ArrayList<Long>();
        for (JsonNode forum : get(session, authorization, base, "/api/v1/jams/" + jamId + "/forums")) {
            long forumId = forum.get("id").asLong();
            forums.add(forumId);
            JsonNode ideas = get(session, authorization, base, "/api/v1/forums/" + forumId + "/threads").get("ideas");
            for (int i = 0; i < Math.min(FORUM_THREADS, ideas.size()); i++) {
                threads.add(ideas.get(i).get("id").asLong());
            }
        }
        return new Jam(jamId, forums, threads);
    }

    private static JsonNode get(DemoSession session, String authorization, URI base, String path) throws Exception {
        var answer = session.client().send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode());
        }
        return JSON.readTree(answer.body());
    }

    /**
     * The events each kind of page asks its stream for, read from the Jam's first forum and thread as a browser's
     * script reads its page.
     */
    record Listens(PageStreams.Page jam, PageStreams.Page forum, PageStreams.Page thread) {

        static Listens of(HttpClient http, URI base, String authorization, long jamId, List<Long> forums,
                          List<Long> threads) throws IOException, InterruptedException {
            return new Listens(PageStreams.read(http, base, authorization, "/jams/" + jamId),
                    PageStreams.read(http, base, authorization, "/forums/" + forums.getFirst()),
                    PageStreams.read(http, base, authorization, "/threads/" + threads.getFirst()));
        }

        SseLoad.Filter jamPage() {
            return new SseLoad.Filter(null, null, jam);
        }

        SseLoad.Filter forumPage(long forumId) {
            return new SseLoad.Filter(forumId, null, forum);
        }

        SseLoad.Filter threadPage(long threadId) {
            return new SseLoad.Filter(null, threadId, thread);
        }
    }

    /** As pages are opened: one in ten on the Jam page, three in ten on a forum page, the rest on a thread. */
    static List<SseLoad.Filter> filters(Jam jam, int clients, Listens listens) {
        var filters = new ArrayList<SseLoad.Filter>(clients);
        for (int i = 0; i < clients; i++) {
            int kind = i % 10;
            if (kind == 0) {
                filters.add(listens.jamPage());
            } else if (kind <= 3) {
                filters.add(listens.forumPage(jam.forums().get(i % jam.forums().size())));
            } else {
                filters.add(listens.threadPage(jam.threads().get(i % jam.threads().size())));
            }
        }
        return filters;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gave up waiting after " + timeout);
            }
            Thread.sleep(100);
        }
    }

    /** The first port of this benchmark's range that nobody listens on. */
    private static AotDeployment deployment;

    /** The server as deployed for fast restarts (made once per run of the benchmark), or the plain jar. */
    private static AotDeployment deployment(Options options) throws IOException, InterruptedException {
        if (!options.aotCache()) {
            return AotDeployment.plain(ServerProcess.APP_JAR);
        }
        if (deployment == null) {
            deployment = AotDeployment.of(ServerProcess.APP_JAR);
        }
        return deployment;
    }

    private static int freePort(Options options) throws IOException {
        for (int port = options.firstPort(); port <= options.lastPort(); port++) {
            try (var socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IOException("No free port in " + options.firstPort() + "-" + options.lastPort());
    }

    private static Map<String, Double> perSecond(Map<String, Long> counts, double seconds) {
        var rates = new java.util.TreeMap<String, Double>();
        counts.forEach((what, count) -> rates.put(what, round(count / seconds)));
        return rates;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
