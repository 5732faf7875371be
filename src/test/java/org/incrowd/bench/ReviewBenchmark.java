package org.incrowd.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
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
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import org.incrowd.IncrowdApplication;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;
import org.incrowd.jam.ForumDraft;
import org.incrowd.jam.JamDraft;
import org.incrowd.jam.JamService;
import org.incrowd.review.QueueFilter;
import org.incrowd.review.ReviewQueue;
import org.incrowd.review.Reviewers;
import org.incrowd.report.ReportDraft;
import org.incrowd.report.ReportPublishing;
import org.incrowd.review.Reviewing;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Closing the loop at Jam scale, on the embedded H2 of {@code ./incrowd run}: a Jam of 50,000 ideas by 5,000 people
 * of several participant types in 10 forums, with 1,000,000 reactions, written straight into the tables (a
 * benchmark's shortcut, as in NotifyBenchmark; the review's own columns — score, spread, theme, due date — are set
 * as the scorecards, theme feed and assignments would set them).
 * <ol>
 * <li>the review queue's p95 over several filter combinations (organiser and an assigned reviewer), after warm-up,
 * through {@code ReviewQueue.page} (the page's and the API's query, titles included);</li>
 * <li>a bulk decision on 5,000 ideas through {@code Reviewing.decide}, with whatever listeners exist (notifications
 * and their mails written to the outbox);</li>
 * <li>a published report of ten recommendations citing five ideas each: GET /jams/{id}/report, report.pdf and
 * report.md; then GET /jams/{id}/open-data.zip (the whole Jam, pseudonymised), all through HTTP as the organiser,
 * with the peak heap of this JVM during the export.</li>
 * </ol>
 * Writes bench/results/review.json.
 */
public final class ReviewBenchmark {

    static final Path RESULTS = Path.of("bench", "results", "review.json");
    private static final int IDEAS = 50_000;
    private static final int REACTIONS = 1_000_000;
    private static final int PEOPLE = 5_000;
    private static final int FORUMS = 10;
    private static final int BULK = 5_000;
    private static final int WARM_UP = 300;
    private static final int CALLS = 1_000;
    private static final String ADMIN = "bench-admin@review.bench.example";
    private static final String PASSWORD = "bench-admin-password-long";

    private ReviewBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("incrowd-review-bench-");
        var results = new LinkedHashMap<String, Object>();
        results.put("machine", Machine.describe());
        results.put("load_average_before", Machine.loadAverage());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IncrowdApplication.class).run(
                "--server.port=0", "--incrowd.data-dir=" + data, "--incrowd.demo=false",
                "--incrowd.admin.email=" + ADMIN, "--incrowd.admin.password=" + PASSWORD,
                "--logging.level.root=WARN", "--logging.file.name=")) {
            var jams = app.getBean(JamService.class);
            var admin = app.getBean(IdentityService.class).findByEmail(ADMIN).orElseThrow().asActor();
            var jdbc = app.getBean(JdbcTemplate.class);
            long jamId = jam(jams, admin);
            var forums = new ArrayList<Long>();
            for (int i = 0; i < FORUMS; i++) {
                forums.add(jams.addForum(admin, jamId, new ForumDraft("Forum " + i, "What would help?")).id());
            }
            long start = System.nanoTime();
            var people = people(jdbc);
            ideas(jdbc, jamId, forums, people);
            reactions(jdbc, jamId, people);
            reviewColumns(jdbc, jamId);
            System.out.printf("data: %d ideas, %d reactions in %.0f s%n", IDEAS, REACTIONS,
                    seconds(System.nanoTime() - start));
            results.put("ideas", jdbc.queryForObject("select count(*) from idea_review where jam_id = ?", Long.class,
                    jamId));
            results.put("reactions", jdbc.queryForObject("select count(*) from reaction", Long.class));

            // 1. The queue.
            var reviewer = app.getBean(IdentityService.class).findByEmail("person-7@review.bench.example")
                    .orElseThrow().asActor();
            app.getBean(Reviewers.class).assign(admin, jamId, "person-7@review.bench.example",
                    List.of(Reviewers.Target.forum(forums.get(3)), Reviewers.Target.theme("t4")), null);
            results.put("queue_p95_ms", queueP95(app.getBean(ReviewQueue.class), admin, reviewer, jamId, forums,
                    results));

            // 2. The bulk decision.
            var queue = app.getBean(ReviewQueue.class);
            var chosen = queue.allIds(admin, jamId, new QueueFilter("new", null, null, null, null, null, null,
                    false, false, null)).subList(0, BULK);
            long outboxBefore = count(jdbc, "mail_outbox");
            long notificationsBefore = count(jdbc, "notification");
            long bulkStart = System.nanoTime();
            app.getBean(Reviewing.class).decide(admin, jamId, chosen, "under-review",
                    "Thank you: the review team is looking at every idea of this forum this month.");
            results.put("bulk_5000_seconds", round(seconds(System.nanoTime() - bulkStart), 2));
            results.put("bulk_notifications_written", count(jdbc, "notification") - notificationsBefore);
            results.put("bulk_mails_written", count(jdbc, "mail_outbox") - outboxBefore);
            System.out.printf("bulk: %d ideas in %s s%n", BULK, results.get("bulk_5000_seconds"));

            // 3. The report (ten recommendations citing five decided ideas each, published) and the open-data
            //    export of the whole Jam, through HTTP as the organiser.
            var recommendations = new ArrayList<ReportDraft.Recommendation>();
            for (int r = 0; r < 10; r++) {
                recommendations.add(new ReportDraft.Recommendation("Recommendation " + (r + 1),
                        "Drawn from the ideas cited.", List.of(), chosen.subList(r * 5, r * 5 + 5), List.of()));
            }
            app.getBean(ReportPublishing.class).publish(admin, jamId, new ReportDraft("What we heard.",
                    "What happens next.", recommendations));
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            var base = URI.create("http://localhost:" + port);
            var session = DemoSession.signedIn(base, ADMIN, PASSWORD);
            results.put("report_seconds", timedGet(session, base, "/jams/" + jamId + "/report", null));
            results.put("report_pdf_seconds", timedGet(session, base, "/jams/" + jamId + "/report.pdf", null));
            results.put("report_markdown_seconds", timedGet(session, base, "/jams/" + jamId + "/report.md", null));
            long[] peak = {0};
            results.put("export_seconds", timedGet(session, base, "/jams/" + jamId + "/open-data.zip", peak));
            results.put("export_peak_heap_mb", peak[0] / (1024 * 1024));
            results.put("note", "report: a published report of 10 recommendations citing 5 ideas each; export: the"
                    + " whole Jam pseudonymised (zip of CSV, JSON and Pol.is files), peak heap of this JVM during it");
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        results.put("load_average_after", Machine.loadAverage());
        results.put("database", "H2 (embedded, file), as ./incrowd run");
        BenchResults.merge(RESULTS, results);
        System.out.println(results);
    }

    private static long jam(JamService jams, Actor admin) {
        Instant now = jams.now();
        var draft = new JamDraft("Review benchmark Jam", "Closing the loop on 50,000 ideas.", null,
                local(now.minus(Duration.ofDays(20))), local(now.plus(Duration.ofDays(10))), "UTC",
                EnumSet.allOf(ParticipantType.class), false, null, null);
        return jams.publish(admin, jams.create(admin, draft).id()).id();
    }

    /** 5,000 people; one in five from a front-line group (clients, partners, the public). */
    private static List<Long> people(JdbcTemplate jdbc) {
        String[] types = {"EMPLOYEE", "EMPLOYEE", "EMPLOYEE", "EMPLOYEE", "CLIENT", "EMPLOYEE", "PARTNER",
            "EMPLOYEE", "EMPLOYEE", "PUBLIC"};
        var now = Timestamp.from(Instant.now());
        var rows = new ArrayList<Object[]>(PEOPLE);
        for (int i = 0; i < PEOPLE; i++) {
            rows.add(new Object[] {"person-" + i + "@review.bench.example", "Person " + i, types[i % types.length],
                now});
        }
        jdbc.batchUpdate("insert into person (email, display_name, participant_type, created_at, email_verified_at)"
                + " values (?, ?, ?, ?, current_timestamp)", rows);
        return jdbc.queryForList("select id from person where email like 'person-%@review.bench.example'"
                + " order by id", Long.class);
    }

    /** 50,000 ideas over the last 20 days, and their rows in the review as posting writes them. */
    private static void ideas(JdbcTemplate jdbc, long jamId, List<Long> forums, List<Long> people) {
        var random = new SplittableRandom(20261205L);
        var now = Instant.now();
        var rows = new ArrayList<Object[]>(10_000);
        for (int i = 0; i < IDEAS; i++) {
            var at = Timestamp.from(now.minusSeconds(random.nextInt(20 * 24 * 3600)));
            String body = "Idea " + i + ": a shorter route between the depots and a shuttle for the late shift.";
            rows.add(new Object[] {jamId, forums.get(i % forums.size()), people.get(random.nextInt(people.size())),
                "Idea " + i + " for the review", body, "<p>" + body + "</p>", at});
            if (rows.size() == 10_000 || i == IDEAS - 1) {
                jdbc.batchUpdate("insert into post (jam_id, forum_id, author_id, title, body, body_html, created_at,"
                        + " depth) values (?, ?, ?, ?, ?, ?, ?, 0)", rows);
                rows.clear();
            }
        }
        jdbc.update("update post set thread_id = id where jam_id = ? and thread_id is null", jamId);
        jdbc.update("""
                insert into idea_review (idea_id, jam_id, forum_id, author_id, author_type, posted_at, stage_key,
                    stage_since)
                select p.id, p.jam_id, p.forum_id, p.author_id, a.participant_type, p.created_at, 'new', p.created_at
                from post p join person a on a.id = p.author_id
                where p.jam_id = ? and p.parent_id is null""", jamId);
    }

    /**
     * 1,000,000 reactions: 20 different people on each idea, in one set-based statement (H2's system_range). The
     * people were written in one batch, so their ids are consecutive; 251 steps keep the 20 of an idea distinct.
     */
    private static void reactions(JdbcTemplate jdbc, long jamId, List<Long> people) {
        int perIdea = REACTIONS / IDEAS;
        if (people.getLast() - people.getFirst() != people.size() - 1) {
            throw new IllegalStateException("The benchmark's people do not have consecutive ids");
        }
        jdbc.update("""
                insert into reaction (post_id, person_id, kind, reacted_at)
                select r.idea_id, ? + mod(r.idea_id * 7 + s.x * 251, ?),
                    case mod(r.idea_id + s.x, 5) when 3 then 'DISAGREE' when 4 then 'PASS' else 'AGREE' end,
                    current_timestamp
                from idea_review r cross join system_range(0, ?) s
                where r.jam_id = ?""", people.getFirst(), people.size(), perIdea - 1, jamId);
    }

    /**
     * A third of the ideas scored (1 to 5, with a spread), every idea in one of 20 themes, a tenth with a due date,
     * some already further along: as the scorecards, the theme feed, assignments and decisions leave them.
     */
    private static void reviewColumns(JdbcTemplate jdbc, long jamId) {
        jdbc.update("""
                update idea_review set
                    theme_key = 't' || cast(mod(idea_id, 20) as varchar(4)),
                    score = case when mod(idea_id, 3) = 0 then 1 + mod(idea_id * 37, 400) / 100.0 end,
                    score_low = case when mod(idea_id, 3) = 0 then 1 + mod(idea_id * 37, 400) / 100.0 - 0.5 end,
                    score_high = case when mod(idea_id, 3) = 0 then 1 + mod(idea_id * 37, 400) / 100.0 + 0.5 end,
                    scorers = case when mod(idea_id, 3) = 0 then 3 else 0 end,
                    due_at = case when mod(idea_id, 10) = 0 then posted_at + interval '7' day end,
                    stage_key = case mod(idea_id, 7) when 1 then 'under-review' when 2 then 'selected'
                        when 3 then 'not-pursued' else 'new' end
                where jam_id = ?""", jamId);
    }

    private static double queueP95(ReviewQueue queue, Actor admin, Actor reviewer, long jamId, List<Long> forums,
                                   LinkedHashMap<String, Object> results) {
        record Case(String name, Actor actor, QueueFilter filter, int page) {
        }
        var cases = List.of(
                new Case("all, waiting longest", admin, QueueFilter.NONE, 0),
                new Case("stage new, page 20", admin, new QueueFilter("new", null, null, null, null, null, null,
                        false, false, null), 20),
                new Case("front-line authors (CLIENT)", admin, new QueueFilter(null, null, null, "CLIENT", null, null,
                        null, false, false, null), 0),
                new Case("forum and stage, by score", admin, new QueueFilter("new", forums.get(2), null, null, null,
                        null, null, false, false, "score"), 0),
                new Case("score 3.5 to 5", admin, new QueueFilter(null, null, null, null, 3.5, 5.0, null, false,
                        false, "score"), 0),
                new Case("theme and type", admin, new QueueFilter(null, null, "t7", "PARTNER", null, null, null,
                        false, false, null), 0),
                new Case("waiting 10+ days, overdue", admin, new QueueFilter(null, null, null, null, null, null, 10,
                        true, false, "due"), 0),
                new Case("a reviewer's own (forum + theme)", reviewer, new QueueFilter("new", null, null, null, null,
                        null, null, false, false, null), 0));
        for (int i = 0; i < WARM_UP; i++) {
            var c = cases.get(i % cases.size());
            queue.page(c.actor(), jamId, c.filter(), c.page());
        }
        var all = new long[CALLS];
        var perCase = new LinkedHashMap<String, Object>();
        var byCase = new long[cases.size()][CALLS / cases.size()];
        for (int i = 0; i < CALLS; i++) {
            var c = cases.get(i % cases.size());
            long t = System.nanoTime();
            var page = queue.page(c.actor(), jamId, c.filter(), c.page());
            all[i] = System.nanoTime() - t;
            if (i / cases.size() < byCase[0].length) {
                byCase[i % cases.size()][i / cases.size()] = all[i];
            }
            if (i < cases.size()) {
                perCase.put(c.name() + " (matching)", page.total());
            }
        }
        for (int c = 0; c < cases.size(); c++) {
            perCase.put(cases.get(c).name(), p95(byCase[c]));
        }
        results.put("queue_p95_ms_by_filter", perCase);
        double p95 = p95(all);
        System.out.printf("queue: p95 %.1f ms over %d calls; %s%n", p95, CALLS, perCase);
        return p95;
    }

    /** Seconds for the whole answer; with {@code peak}, the heap's peak use while it was made. */
    private static Double timedGet(DemoSession session, URI base, String path, long[] peak) throws Exception {
        var pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t = System.nanoTime();
        var response = session.client().send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        double seconds = seconds(System.nanoTime() - t);
        if (peak != null) {
            peak[0] = pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        }
        System.out.printf("GET %s: %d in %.2f s%n", path, response.statusCode(), seconds);
        return response.statusCode() == 200 ? round(seconds, 2) : null;
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static double p95(long[] nanos) {
        var sorted = nanos.clone();
        Arrays.sort(sorted);
        return round(sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6, 1);
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
