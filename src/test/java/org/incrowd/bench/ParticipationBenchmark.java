package org.incrowd.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;
import org.incrowd.insight.participation.ParticipationModel;
import org.incrowd.jam.ForumDraft;
import org.incrowd.jam.JamDraft;
import org.incrowd.jam.JamPhase;
import org.incrowd.jam.JamService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long the participation page takes on its read model (ADR 52): for the demo Jam, and for a synthetic 72-hour Jam
 * of 150,000 invited people (120,000 joined, 100,000 active) with 20,000 posts and 1,000,000 reactions, on the
 * embedded H2 of {@code ./incrowd run}. The synthetic rows are written straight into the tables (a benchmark's
 * shortcut; the application writes them through its services, whose events keep the read model current), so the
 * benchmark then builds the Jam's figures from the rows, as a Jam older than the read model is built at start, and
 * reports how long that took. Writes bench/results/participation.json.
 */
public final class ParticipationBenchmark {

    static final Path RESULTS = Path.of("bench", "results", "participation.json");
    private static final int PEOPLE = 150_000;
    private static final int MEMBERS = 120_000;
    private static final int AUTHORS = 10_000;
    private static final int POSTS = 20_000;
    private static final int REACTIONS = 1_000_000;
    private static final int REACTORS = 100_000;
    private static final int FORUMS = 5;
    private static final int REQUESTS = 7;

    private ParticipationBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("incrowd-bench-");
        var results = new LinkedHashMap<String, Object>();
        results.put("machine", machine());
        results.put("load_average_before", loadAverage());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IncrowdApplication.class).run(
                "--server.port=0", "--incrowd.data-dir=" + data, "--incrowd.demo=true",
                "--incrowd.opinions.debounce-ms=3600000",
                "--logging.level.root=WARN", "--logging.level.org.incrowd.insight.participation=DEBUG",
                "--logging.file.name=")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            var admin = PageLatencyBenchmark.signedIn(port, "admin@demo.incrowd.example", "demo-admin-password");
            var jams = app.getBean(JamService.class);
            var adminActor = app.getBean(IdentityService.class).findByEmail("admin@demo.incrowd.example")
                    .orElseThrow().asActor();
            long demoJam = jams.visibleTo(adminActor).stream()
                    .filter(j -> j.phase(jams.now()) == JamPhase.LIVE).findFirst().orElseThrow().id();
            results.put("demo_jam_page_ms", pageTimes(admin, port, "/jams/" + demoJam + "/participation"));

            long started = System.nanoTime();
            long jamId = syntheticJam(app, jams, adminActor);
            results.put("synthetic_jam", Map.of("people_invited", PEOPLE, "members", MEMBERS, "posts", POSTS,
                    "reactions", REACTIONS, "active_people_about", REACTORS, "forums", FORUMS,
                    "seconds_to_write", (System.nanoTime() - started) / 1_000_000_000.0));
            started = System.nanoTime();
            app.getBean(ParticipationModel.class).rebuild(jamId);
            results.put("read_model_build_seconds", (System.nanoTime() - started) / 1_000_000_000.0);
            results.put("synthetic_jam_page_ms", pageTimes(admin, port, "/jams/" + jamId + "/participation"));
            long forumId = jams.forums(adminActor, jamId).getFirst().id();
            results.put("synthetic_forum_page_ms",
                    pageTimes(admin, port, "/jams/" + jamId + "/participation?forum=" + forumId));
            results.put("synthetic_csv_units_ms",
                    pageTimes(admin, port, "/jams/" + jamId + "/participation.csv?table=units"));
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        results.put("load_average_after", loadAverage());
        results.put("database", "H2 (embedded, file), as ./incrowd run");
        results.put("cache", "none: every request reads the read model (participation_group, participation_timeline)");
        results.put("read_model", "built once from the rows after they were written (read_model_build_seconds), then "
                + "kept current by events; the page reads a few hundred group rows and one timeline");
        BenchResults.merge(RESULTS, results);
        System.out.println(results);
    }

    /** The first request (cold) and then the median and the slowest of the next {@link #REQUESTS}. */
    private static Map<String, Object> pageTimes(HttpClient client, int port, String path) throws Exception {
        double first = timed(client, port, path);
        var times = new ArrayList<Double>();
        for (int i = 0; i < REQUESTS; i++) {
            times.add(timed(client, port, path));
        }
        Collections.sort(times);
        var result = new LinkedHashMap<String, Object>();
        result.put("path", path);
        result.put("first", first);
        result.put("median", times.get(times.size() / 2));
        result.put("max", times.getLast());
        result.put("requests", REQUESTS);
        System.out.println(path + ": " + result);
        return result;
    }

    private static double timed(HttpClient client, int port, String path) throws Exception {
        long start = System.nanoTime();
        var response = client.send(HttpRequest.newBuilder(PageLatencyBenchmark.uri(port, path)).build(),
                HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return Math.round(ms * 10) / 10.0;
    }

    /** A live 72-hour Jam open to employees, 60 hours in, with people, members, posts and reactions. */
    private static long syntheticJam(ConfigurableApplicationContext app, JamService jams,
                                     org.incrowd.identity.Actor admin) {
        var jdbc = app.getBean(JdbcTemplate.class);
        Instant now = jams.now();
        Instant start = now.minus(Duration.ofHours(60));
        var draft = new JamDraft("Synthetic Jam", null, null, local(start), local(start.plus(Duration.ofHours(72))),
                "UTC", EnumSet.of(ParticipantType.EMPLOYEE), false, "", null);
        long jamId = jams.publish(admin, jams.create(admin, draft).id()).id();
        var forums = new ArrayList<Long>();
        for (int f = 0; f < FORUMS; f++) {
            forums.add(jams.addForum(admin, jamId, new ForumDraft("Forum " + f, "Question " + f + "?")).id());
        }
        var random = new SplittableRandom(20261123L);
        String[] countries = {"DE", "FR", "GB", "US", "IN", "BR", "JP", "CN", "IT", "ES", "NL", "PL", "SE", "CH",
                "AT", "BE", "CA", "MX", "AU", "ZA", "KE", "NG", "EG", "TR", "KR", "SG", "ID", "AR", "CL", "IE"};
        long firstPerson = insertPeople(jdbc, random, countries, now);
        batch(jdbc, "insert into jam_member (jam_id, person_id, joined_at, country) values (?, ?, ?, ?)", MEMBERS,
                i -> new Object[] {jamId, firstPerson + i, Timestamp.from(start.plusSeconds(i % 200_000)),
                        countries[i % countries.length]});
        batch(jdbc, """
                insert into post (jam_id, forum_id, thread_id, parent_id, author_id, title, body, body_html, created_at,
                                  depth) values (?, ?, null, null, ?, ?, ?, ?, ?, 0)""", POSTS,
                i -> new Object[] {jamId, forums.get(i % FORUMS), firstPerson + (i % AUTHORS), "Idea " + i,
                        "Body " + i, "<p>Body " + i + "</p>", Timestamp.from(at(start, random)), });
        long firstPost = jdbc.queryForObject("select min(id) from post where jam_id = ?", Long.class, jamId);
        jdbc.update("update post set thread_id = id where jam_id = ?", jamId);
        // Distinct (post, person) pairs: reactor r reacts to posts r, r + 1, ... (mod POSTS), ten each on average.
        batch(jdbc, "insert into reaction (post_id, person_id, kind, reacted_at) values (?, ?, ?, ?)", REACTIONS,
                i -> new Object[] {firstPost + ((i % REACTORS) + (long) (i / REACTORS) * 7) % POSTS,
                        firstPerson + (i % REACTORS), i % 3 == 0 ? "DISAGREE" : "AGREE",
                        Timestamp.from(at(start, random))});
        return jamId;
    }

    private static long insertPeople(JdbcTemplate jdbc, SplittableRandom random, String[] countries, Instant now) {
        batch(jdbc, """
                insert into person (email, display_name, country, org_unit, job_role, participant_type, created_at)
                values (?, ?, ?, ?, ?, 'EMPLOYEE', ?)""", PEOPLE,
                i -> new Object[] {"synthetic-" + i + "@bench.invalid", "Synthetic " + i,
                        countries[random.nextInt(countries.length)], "Unit " + random.nextInt(400),
                        "Role " + random.nextInt(40), Timestamp.from(now)});
        return jdbc.queryForObject("select min(id) from person where email like 'synthetic-%'", Long.class);
    }

    /** Activity over the 60 hours so far, busier at the start as in a real Jam. */
    private static Instant at(Instant start, SplittableRandom random) {
        double hours = 60 * Math.pow(random.nextDouble(), 1.5);
        return start.plusSeconds((long) (hours * 3600));
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

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static Map<String, Object> machine() {
        return Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name"));
    }
}
