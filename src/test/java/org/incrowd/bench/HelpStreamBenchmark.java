package org.incrowd.bench;

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
import java.util.Map;
import java.util.SplittableRandom;
import org.incrowd.IncrowdApplication;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;
import org.incrowd.jam.ForumDraft;
import org.incrowd.jam.JamDraft;
import org.incrowd.jam.JamKind;
import org.incrowd.jam.JamService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The help stream page at scale, on the embedded H2 of {@code ./incrowd run}: a help stream of 100,000 questions in
 * 10 topics by 5,000 people, 300,000 answers, written straight into the tables as posting and the question feed
 * would write them (a benchmark's shortcut, as in ReviewBenchmark): a fifth still waiting, half answered, the rest
 * solved. Then GET /help/{id} and /help/{id}/topics/{topic} through HTTP, signed in, over several pages (the first,
 * one inside the waiting questions, one past them into the answered ones, one among the solved) and topics: p50, p95
 * and p99 over 1,000 requests after warm-up. Merges its figures under "stream" into bench/results/help.json.
 *
 * <p>Arguments: {@code [questions]} (default 100,000; answers are three times as many), for a reduced run on a busy
 * machine.
 */
public final class HelpStreamBenchmark {

    static final Path RESULTS = Path.of("bench", "results", "help.json");
    private static final int PEOPLE = 5_000;
    private static final int TOPICS = 10;
    private static final int WARM_UP = 200;
    private static final int CALLS = 1_000;
    private static final String ADMIN = "bench-admin@help.bench.example";
    private static final String PASSWORD = "bench-admin-password-long";

    private HelpStreamBenchmark() {}

    public static void main(String[] args) throws Exception {
        int questions = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int answers = questions * 3;
        Path data = Files.createTempDirectory("incrowd-help-bench-");
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
            long jamId = stream(jams, admin);
            var topics = new ArrayList<Long>();
            for (int i = 0; i < TOPICS; i++) {
                topics.add(jams.addForum(admin, jamId, new ForumDraft("Topic " + i, "What do you need?")).id());
            }
            long start = System.nanoTime();
            var people = people(jdbc);
            questions(jdbc, jamId, topics, people, questions);
            answers(jdbc, jamId, people, answers);
            System.out.printf("data: %d questions, %d answers in %.0f s%n", questions, answers,
                    (System.nanoTime() - start) / 1e9);
            results.put("questions", jdbc.queryForObject("select count(*) from help_question where jam_id = ?",
                    Long.class, jamId));
            results.put("answers", jdbc.queryForObject("select count(*) from post where jam_id = ? and parent_id"
                    + " is not null", Long.class, jamId));
            results.put("by_status", jdbc.queryForList("select status, count(*) n from help_question where jam_id = ?"
                    + " group by status order by status", jamId));

            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            var base = URI.create("http://localhost:" + port);
            var session = DemoSession.signedIn(base, ADMIN, PASSWORD);
            long open = questions / 5;
            long answered = questions / 2;
            int perPage = org.incrowd.help.StreamPage.PER_PAGE;
            var paths = List.of(
                    "/help/" + jamId,
                    "/help/" + jamId + "?page=" + (open / perPage / 2),
                    "/help/" + jamId + "?page=" + (open / perPage + 10),
                    "/help/" + jamId + "?page=" + ((open + answered) / perPage + 5),
                    "/help/" + jamId + "/topics/" + topics.get(3),
                    "/help/" + jamId + "/topics/" + topics.get(7) + "?page=3");
            results.put("pages", paths);
            for (int i = 0; i < WARM_UP; i++) {
                get(session, base, paths.get(i % paths.size()));
            }
            var all = new long[CALLS];
            var byPath = new long[paths.size()][CALLS / paths.size()];
            for (int i = 0; i < CALLS; i++) {
                long t = System.nanoTime();
                get(session, base, paths.get(i % paths.size()));
                all[i] = System.nanoTime() - t;
                if (i / paths.size() < byPath[0].length) {
                    byPath[i % paths.size()][i / paths.size()] = all[i];
                }
            }
            results.put("requests", CALLS);
            results.put("p50_ms", percentile(all, 0.50));
            results.put("p95_ms", percentile(all, 0.95));
            results.put("p99_ms", percentile(all, 0.99));
            var perPath = new LinkedHashMap<String, Object>();
            for (int p = 0; p < paths.size(); p++) {
                perPath.put(paths.get(p), percentile(byPath[p], 0.95));
            }
            results.put("p95_ms_by_page", perPath);
            System.out.printf("stream page: p50 %s ms, p95 %s ms, p99 %s ms over %d requests; %s%n",
                    results.get("p50_ms"), results.get("p95_ms"), results.get("p99_ms"), CALLS, perPath);
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        results.put("load_average_after", Machine.loadAverage());
        results.put("database", "H2 (embedded, file), as ./incrowd run");
        results.put("note", "GET of the stream page over HTTP, signed in as an organiser, HTML included; "
                + "pages: first, within the waiting questions, past them into the answered, among the solved, "
                + "and two topics");
        BenchResults.merge(RESULTS, Map.of("stream", results));
        System.out.println(results);
    }

    private static void get(DemoSession session, URI base, String path) throws Exception {
        var response = session.client().send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
    }

    private static long stream(JamService jams, Actor admin) {
        Instant now = jams.now();
        var draft = new JamDraft("Help stream benchmark", "Ask us anything.", null,
                local(now.minus(Duration.ofDays(30))), local(now.plus(Duration.ofDays(30))), "UTC",
                EnumSet.allOf(ParticipantType.class), false, null, null, JamKind.HELP_STREAM, null, null);
        return jams.publish(admin, jams.create(admin, draft).id()).id();
    }

    /** 5,000 people: one in five an employee who answers, the others customers who ask. */
    private static List<Long> people(JdbcTemplate jdbc) {
        var now = Timestamp.from(Instant.now());
        var rows = new ArrayList<Object[]>(PEOPLE);
        for (int i = 0; i < PEOPLE; i++) {
            rows.add(new Object[] {"person-" + i + "@help.bench.example", "Person " + i,
                i % 5 == 0 ? "EMPLOYEE" : "CLIENT", "Service engineer", now});
        }
        jdbc.batchUpdate("insert into person (email, display_name, participant_type, job_role, created_at,"
                + " email_verified_at) values (?, ?, ?, ?, ?, current_timestamp)", rows);
        return jdbc.queryForList("select id from person where email like 'person-%@help.bench.example' order by id",
                Long.class);
    }

    /**
     * The questions over the last 30 days, by customers, and where each stands as the question feed would have
     * written it: a fifth waiting, half answered, the rest solved.
     */
    private static void questions(JdbcTemplate jdbc, long jamId, List<Long> topics, List<Long> people, int count) {
        var random = new SplittableRandom(20261205L);
        var now = Instant.now();
        var rows = new ArrayList<Object[]>(10_000);
        for (int i = 0; i < count; i++) {
            var at = Timestamp.from(now.minusSeconds(random.nextInt(30 * 24 * 3600)));
            long asker = people.get(1 + 5 * random.nextInt(PEOPLE / 5 - 1) + random.nextInt(4));
            String body = "Question " + i + ": my parcel did not arrive and the tracking page shows nothing new.";
            rows.add(new Object[] {jamId, topics.get(i % topics.size()), asker, "Question " + i + " about a parcel",
                body, "<p>" + body + "</p>", at});
            if (rows.size() == 10_000 || i == count - 1) {
                jdbc.batchUpdate("insert into post (jam_id, forum_id, author_id, title, body, body_html, created_at,"
                        + " depth) values (?, ?, ?, ?, ?, ?, ?, 0)", rows);
                rows.clear();
            }
        }
        jdbc.update("update post set thread_id = id where jam_id = ? and thread_id is null", jamId);
        jdbc.update("""
                insert into help_question (question_id, jam_id, forum_id, asker_id, asked_at, status, answers)
                select id, jam_id, forum_id, author_id, created_at,
                    case when mod(id, 10) < 2 then 'OPEN' when mod(id, 10) < 7 then 'ANSWERED' else 'SOLVED' end, 0
                from post where jam_id = ? and parent_id is null""", jamId);
    }

    /**
     * The answers, by employees, spread over the answered and solved questions in one set-based statement each
     * (H2's system_range); then each question's count, first and latest answer and solution, as the feed keeps them.
     */
    private static void answers(JdbcTemplate jdbc, long jamId, List<Long> people, int count) {
        long questionsWithAnswers = jdbc.queryForObject("select count(*) from help_question where jam_id = ?"
                + " and status <> 'OPEN'", Long.class, jamId);
        int perQuestion = (int) Math.max(1, Math.ceil((double) count / questionsWithAnswers));
        jdbc.update("""
                insert into post (jam_id, forum_id, thread_id, parent_id, author_id, body, body_html, created_at, depth)
                select q.jam_id, q.forum_id, q.question_id, q.question_id, ? + 5 * mod(q.question_id * 7 + s.x * 13, ?),
                    'Try the depot first; it usually waits there.', '<p>Try the depot first; it usually waits there.</p>',
                    dateadd('MINUTE', 10 + s.x * 30 + mod(q.question_id, 300), q.asked_at), 1
                from help_question q cross join system_range(0, ?) s
                where q.jam_id = ? and q.status <> 'OPEN'
                fetch first ? rows only""", people.getFirst(), PEOPLE / 5, perQuestion - 1, jamId, count);
        jdbc.update("""
                update help_question q set
                    answers = (select count(*) from post p where p.thread_id = q.question_id and p.parent_id is not null),
                    first_answer_at = (select min(created_at) from post p where p.thread_id = q.question_id
                        and p.parent_id is not null),
                    last_answer_at = (select max(created_at) from post p where p.thread_id = q.question_id
                        and p.parent_id is not null)
                where q.jam_id = ? and q.status <> 'OPEN'""", jamId);
        jdbc.update("""
                update help_question q set
                    solution_id = (select min(id) from post p where p.thread_id = q.question_id and p.parent_id is not null),
                    solved_at = last_answer_at
                where q.jam_id = ? and q.status = 'SOLVED'""", jamId);
        // Questions the fetch limit left without an answer wait, like any other unanswered question.
        jdbc.update("update help_question set status = 'OPEN' where jam_id = ? and answers = 0", jamId);
    }

    private static double percentile(long[] nanos, double p) {
        var sorted = nanos.clone();
        Arrays.sort(sorted);
        return Math.round(sorted[(int) Math.ceil(sorted.length * p) - 1] / 1e5) / 10.0;
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
