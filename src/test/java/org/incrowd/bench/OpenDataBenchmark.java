package org.incrowd.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.incrowd.IncrowdApplication;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;
import org.incrowd.jam.ForumDraft;
import org.incrowd.jam.JamDraft;
import org.incrowd.jam.JamService;
import org.incrowd.report.OpenData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The open-data export of a Jam of 50,000 ideas and 1,000,000 reactions by 100,000 people, on the embedded H2 of
 * {@code ./incrowd run}: the zip (every table as CSV and JSON, and the Pol.is files) and the API's JSON document,
 * each written to a stream that only counts bytes, with the time taken and the peak heap used while it ran (heap
 * pools' peak, reset after a GC just before). The synthetic rows are written straight into the tables (a benchmark's
 * shortcut). Run it with a bounded heap to see that the export fits: {@code java -Xmx512m ... OpenDataBenchmark}.
 * Writes bench/results/opendata.json.
 */
public final class OpenDataBenchmark {

    static final Path RESULTS = Path.of("bench", "results", "opendata.json");
    /** The Jam; a smaller one (arguments: ideas reactions people) on a busy machine. */
    private static int PEOPLE = 100_000;
    private static int IDEAS = 50_000;
    private static int REACTIONS = 1_000_000;
    private static final int FORUMS = 5;

    private OpenDataBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 3) {
            IDEAS = Integer.parseInt(args[0]);
            REACTIONS = Integer.parseInt(args[1]);
            PEOPLE = Integer.parseInt(args[2]);
        }
        Path data = Files.createTempDirectory("incrowd-bench-");
        var results = new LinkedHashMap<String, Object>();
        results.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        results.put("cores", Runtime.getRuntime().availableProcessors());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IncrowdApplication.class).run(
                "--server.port=0", "--incrowd.data-dir=" + data, "--incrowd.demo=true",
                "--incrowd.opinions.debounce-ms=3600000", "--logging.level.root=WARN", "--logging.file.name=")) {
            var admin = app.getBean(IdentityService.class).findByEmail("admin@demo.incrowd.example").orElseThrow()
                    .asActor();
            long started = System.nanoTime();
            long jamId = syntheticJam(app, app.getBean(JamService.class), admin);
            results.put("ideas", IDEAS);
            results.put("reactions", REACTIONS);
            results.put("people", PEOPLE);
            results.put("seconds_to_write", seconds(started));
            var openData = app.getBean(OpenData.class);
            for (int run = 1; run <= 2; run++) { // the first run also warms the JIT
                var zip = measure(() -> openData.writeZip(openData.requireExport(admin, jamId, null, null),
                        OutputStream.nullOutputStream()));
                results.put("zip_run_" + run, zip);
                var json = measure(() -> openData.writeJson(openData.requireExport(admin, jamId, null, "removed"),
                        OutputStream.nullOutputStream()));
                results.put("json_run_" + run, json);
                System.out.println("run " + run + ": zip " + zip + ", json " + json);
            }
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        results.put("database", "H2 (embedded, file), as ./incrowd run");
        BenchResults.merge(RESULTS, results);
        System.out.println(results);
    }

    private static Map<String, Object> measure(Runnable export) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        long before = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        export.run();
        double took = seconds(started);
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        var result = new LinkedHashMap<String, Object>();
        result.put("seconds", took);
        result.put("heap_before_mb", before / (1024 * 1024));
        result.put("peak_heap_mb", peak / (1024 * 1024));
        return result;
    }

    private static double seconds(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 1e7) / 100.0;
    }

    private static long syntheticJam(ConfigurableApplicationContext app, JamService jams, Actor admin) {
        var jdbc = app.getBean(JdbcTemplate.class);
        Instant now = jams.now();
        Instant start = now.minus(Duration.ofHours(60));
        var draft = new JamDraft("Open data Jam", null, null, local(start), local(start.plus(Duration.ofHours(72))),
                "UTC", EnumSet.of(ParticipantType.EMPLOYEE), false, "", null);
        long jamId = jams.publish(admin, jams.create(admin, draft).id()).id();
        var forums = new ArrayList<Long>();
        for (int f = 0; f < FORUMS; f++) {
            forums.add(jams.addForum(admin, jamId, new ForumDraft("Forum " + f, "Question " + f + "?")).id());
        }
        var random = new SplittableRandom(20261205L);
        batch(jdbc, """
                insert into person (email, display_name, country, org_unit, job_role, participant_type, created_at)
                values (?, ?, 'DE', 'Unit', 'Role', ?, ?)""", PEOPLE,
                i -> new Object[] {"opendata-" + i + "@bench.invalid", "Open data " + i,
                        i % 5 == 0 ? "CLIENT" : "EMPLOYEE", Timestamp.from(now)});
        long firstPerson = jdbc.queryForObject("select min(id) from person where email like 'opendata-%'",
                Long.class);
        batch(jdbc, """
                insert into post (jam_id, forum_id, thread_id, parent_id, author_id, title, body, body_html, created_at,
                                  depth) values (?, ?, null, null, ?, ?, ?, ?, ?, 0)""", IDEAS,
                i -> new Object[] {jamId, forums.get(i % FORUMS), firstPerson + (i % Math.min(20_000, PEOPLE)), "Idea " + i,
                        "A body of a sentence or two, as ideas have: number " + i + ".", "<p>Body</p>",
                        Timestamp.from(start.plusSeconds(random.nextInt(200_000)))});
        long firstPost = jdbc.queryForObject("select min(id) from post where jam_id = ?", Long.class, jamId);
        jdbc.update("update post set thread_id = id where jam_id = ?", jamId);
        // Distinct (post, person) pairs: person p reacts to posts p, p + 7, ... (mod IDEAS), ten each.
        batch(jdbc, "insert into reaction (post_id, person_id, kind, reacted_at) values (?, ?, ?, ?)", REACTIONS,
                i -> new Object[] {firstPost + ((i % PEOPLE) + (long) (i / PEOPLE) * 7) % IDEAS,
                        firstPerson + (i % PEOPLE), i % 3 == 0 ? "DISAGREE" : i % 7 == 0 ? "PASS" : "AGREE",
                        Timestamp.from(start.plusSeconds(random.nextInt(200_000)))});
        return jamId;
    }

    private static void batch(JdbcTemplate jdbc, String sql, int rows, java.util.function.IntFunction<Object[]> row) {
        final int chunk = 10_000;
        for (int from = 0; from < rows; from += chunk) {
            var args = new ArrayList<Object[]>(chunk);
            for (int i = from; i < Math.min(rows, from + chunk); i++) {
                args.add(row.apply(i));
            }
            jdbc.batchUpdate(sql, args);
        }
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
