package org.incrowd.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.incrowd.IncrowdApplication;
import org.incrowd.discussion.Reading;
import org.incrowd.identity.IdentityService;
import org.incrowd.insight.opinions.algorithm.OpinionAnalysis;
import org.incrowd.insight.opinions.algorithm.OpinionSettings;
import org.incrowd.insight.themes.algorithm.ThemeAnalysis;
import org.incrowd.insight.themes.algorithm.ThemeSettings;
import org.incrowd.jam.JamPhase;
import org.incrowd.jam.JamService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whether analysis slows the pages: Incrowd runs with its demo Jam while signed-in clients read pages in a closed
 * loop, first alone, then while a Jam-scale recomputation runs over and over on one background thread, as the
 * scheduled pass does. Two workloads: {@code opinions} (the default; 150,000 × 5,000 × 5,000,000 votes, pages include
 * the opinion map, results in {@code bench/results/opinions.json}) and {@code themes} (50,000 posts, pages include the
 * Jam Pulse, results in {@code bench/results/themes.json}). Writes page latency percentiles of both phases.
 */
public final class PageLatencyBenchmark {

    private static final int CLIENTS = 4;
    private static final Duration THINK = Duration.ofMillis(20);
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration PHASE = Duration.ofSeconds(30);

    private PageLatencyBenchmark() {}

    /** What runs in the background, which analysis page is read with the others, and where results go. */
    private record Workload(String name, String page, Path results, Runnable recompute) {

        static Workload of(String name) throws Exception {
            if (name.equals("themes")) {
                var posts = ThemesBenchmark.perturbed(ThemesBenchmark.bankingTexts(Path.of("../shared/data")),
                        50_000, 1);
                return new Workload(name, "pulse", ThemesBenchmark.RESULTS,
                        () -> ThemeAnalysis.analyse(posts, ThemeSettings.DEFAULT));
            }
            var matrix = SyntheticJam.JAM.matrix();
            return new Workload("opinions", "opinions", OpinionsBenchmark.RESULTS,
                    () -> OpinionAnalysis.analyse(matrix, OpinionSettings.DEFAULT));
        }
    }

    public static void main(String[] args) throws Exception {
        var workload = Workload.of(args.length > 0 ? args[0] : "opinions");
        Path data = Files.createTempDirectory("incrowd-bench-");
        // The demo Jam's themes are computed by the first scheduled pass, during the warm-up.
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IncrowdApplication.class).run(
                "--server.port=0", "--incrowd.data-dir=" + data, "--incrowd.demo=true",
                "--incrowd.opinions.debounce-ms=3600000", "--incrowd.themes.debounce-ms=2000",
                "--logging.level.root=WARN", "--logging.file.name=")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            var pages = pages(app, workload.page());
            System.out.printf("Incrowd on port %d; pages: %s%n", port, pages);

            var clients = new ArrayList<HttpClient>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(signedIn(port, "participant@demo.incrowd.example", "demo-participant-password"));
            }
            measure(clients, port, pages, WARM_UP);
            var idle = measure(clients, port, pages, PHASE);
            System.out.println("Pages alone:                " + idle);

            var running = new AtomicBoolean(true);
            var recomputes = new AtomicLong();
            var analysis = Thread.ofPlatform().name(workload.name() + "-recompute").start(() -> {
                while (running.get()) {
                    workload.recompute().run();
                    recomputes.incrementAndGet();
                }
            });
            var busy = measure(clients, port, pages, PHASE);
            running.set(false);
            analysis.join();
            System.out.println("Pages during recomputation: " + busy + ", " + recomputes.get() + " recomputations");

            var results = new LinkedHashMap<String, Object>();
            results.put("page_p99_ms_idle", idle.p99());
            results.put("page_p99_ms_during_recompute", busy.p99());
            results.put("page_latency_detail", Map.of("clients", CLIENTS, "think_ms", THINK.toMillis(),
                    "phase_seconds", PHASE.toSeconds(), "pages", pages, "idle", idle.asMap(),
                    "during_recompute", busy.asMap(), "recomputations_during_phase", recomputes.get(),
                    "cores", Runtime.getRuntime().availableProcessors(),
                    "load_average_at_end", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            BenchResults.merge(workload.results(), results);
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The demo Jam's home, a forum, a thread and an analysis page: the pages people read during a Jam. */
    private static List<String> pages(ConfigurableApplicationContext app, String analysisPage) {
        var identity = app.getBean(IdentityService.class);
        var jams = app.getBean(JamService.class);
        var discussion = app.getBean(Reading.class);
        var admin = identity.findByEmail("admin@demo.incrowd.example").orElseThrow().asActor();
        var jam = jams.visibleTo(admin).stream().filter(j -> j.phase(jams.now()) == JamPhase.LIVE).findFirst()
                .orElseThrow();
        var forum = jams.forums(admin, jam.id()).getFirst();
        var idea = discussion.ideas(admin, forum.id(), 0).ideas().getFirst();
        return List.of("/jams/" + jam.id(), "/forums/" + forum.id(), "/threads/" + idea.id(),
                "/jams/" + jam.id() + "/" + analysisPage);
    }

    /** A client with a signed-in session (cookies kept), as a browser after the sign-in form. */
    static HttpClient signedIn(int port, String email, String password) throws Exception {
        return DemoSession.signedIn(URI.create("http://localhost:" + port), email, password).client();
    }

    /** Each client reads the pages in turn, with a short pause, until the phase ends. */
    private static Latencies measure(List<HttpClient> clients, int port, List<String> pages, Duration phase)
            throws InterruptedException {
        long end = System.nanoTime() + phase.toNanos();
        var samples = Collections.synchronizedList(new ArrayList<Double>());
        var errors = new AtomicLong();
        var threads = new ArrayList<Thread>();
        for (var client : clients) {
            threads.add(Thread.ofVirtual().start(() -> {
                int next = 0;
                while (System.nanoTime() < end) {
                    var request = HttpRequest.newBuilder(uri(port, pages.get(next++ % pages.size()))).build();
                    long started = System.nanoTime();
                    try {
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        samples.add((System.nanoTime() - started) / 1e6);
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                        Thread.sleep(THINK);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (var thread : threads) {
            thread.join();
        }
        return Latencies.of(samples, errors.get());
    }

    static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    record Latencies(int requests, long errors, double p50, double p95, double p99, double max) {

        static Latencies of(List<Double> samples, long errors) {
            var sorted = new ArrayList<>(samples);
            Collections.sort(sorted);
            return new Latencies(sorted.size(), errors, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99),
                    sorted.isEmpty() ? 0 : sorted.getLast());
        }

        private static double at(List<Double> sorted, double quantile) {
            if (sorted.isEmpty()) {
                return 0;
            }
            double value = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
            return Math.round(value * 10) / 10.0;
        }

        Map<String, Object> asMap() {
            return Map.of("requests", requests, "errors", errors, "p50_ms", p50, "p95_ms", p95, "p99_ms", p99,
                    "max_ms", max);
        }
    }
}
