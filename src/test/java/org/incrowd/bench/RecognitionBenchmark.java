package org.incrowd.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import org.incrowd.IncrowdApplication;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;
import org.incrowd.jam.JamDraft;
import org.incrowd.jam.JamService;
import org.incrowd.recognition.CreditKind;
import org.incrowd.recognition.Recognition;
import org.incrowd.recognition.algorithm.GiverCredit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recomputing everyone's recognition in a Jam of {@code P} people (150,000 unless given) from {@code A} acts
 * (1,000,000 unless given), on the embedded H2 of {@code ./incrowd run}. The acts are a realistic mix: helpful marks
 * most of all, answers that solved questions, team work, adopted build-ons, help for newcomers, facilitation by a few
 * hundred facilitators (some of it for the whole community), proxy ideas; givers drawn from a heavy-tailed activity
 * (a few give a lot, most a little) and 500 rings of four accounts that only mark each other. People and acts are
 * written straight into the tables (a benchmark's shortcut, as in BulkDecisionBenchmark). Times the whole recompute
 * ({@link Recognition#recompute(long)}: read the acts, weigh them, replace the credit, settle and tell badges) twice —
 * the first awards every badge, the second is a recompute after a rule change — and the weighting alone in memory.
 * Merges the figures under "recognition" into bench/results/help.json. Run with the test classpath:
 * {@code java -Xmx2g -cp ... org.incrowd.bench.RecognitionBenchmark [P] [A]}.
 */
public final class RecognitionBenchmark {

    private static final String ADMIN = "bench-admin@recognition.bench.example";
    private static final Path RESULTS = Path.of("bench", "results", "help.json");

    private RecognitionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 150_000;
        int acts = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        var data = Files.createTempDirectory("incrowd-recognition-bench-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IncrowdApplication.class).run(
                "--server.port=0", "--incrowd.data-dir=" + data, "--incrowd.demo=false",
                "--incrowd.admin.email=" + ADMIN, "--incrowd.admin.password=bench-admin-password-long",
                "--incrowd.mail.host=127.0.0.1", "--incrowd.mail.port=9", "--logging.level.root=WARN",
                "--logging.level.org.incrowd.recognition=INFO",
                "--logging.file.name=")) {
            var jams = app.getBean(JamService.class);
            var admin = app.getBean(IdentityService.class).findByEmail(ADMIN).orElseThrow().asActor();
            Instant now = jams.now();
            var draft = new JamDraft("Recognition benchmark", "Givers at scale.", null,
                    local(now.minus(Duration.ofHours(1))), local(now.plus(Duration.ofHours(71))), "UTC",
                    EnumSet.of(ParticipantType.EMPLOYEE), false, null, null);
            long jamId = jams.publish(admin, jams.create(admin, draft).id()).id();
            var jdbc = app.getBean(JdbcTemplate.class);
            long writeStart = System.nanoTime();
            var ids = writePeople(jdbc, people);
            int written = writeActs(jdbc, jamId, ids, acts);
            double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
            System.out.printf("wrote %d people and %d acts in %.1f s%n", ids.length, written, writeSeconds);

            var recognition = app.getBean(Recognition.class);
            long start = System.nanoTime();
            var first = recognition.recompute(jamId);
            double firstSeconds = (System.nanoTime() - start) / 1e9;
            long badges = jdbc.queryForObject("select count(*) from recognition_badge where jam_id = ?", Long.class,
                    jamId);
            start = System.nanoTime();
            var again = recognition.recompute(jamId);
            double againSeconds = (System.nanoTime() - start) / 1e9;

            var rows = app.getBean(org.incrowd.recognition.internal.RecognitionRows.class);
            start = System.nanoTime();
            var loaded = rows.acts(jamId);
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            var credits = GiverCredit.compute(loaded, EnumSet.allOf(CreditKind.class));
            double weighSeconds = (System.nanoTime() - start) / 1e9;

            System.out.printf("recompute of %d acts for %d people: first %.2f s (%d givers, %d badges awarded and"
                            + " told), again %.2f s; reading the acts %.2f s, weighting alone %.2f s (%d credits)%n",
                    first.acts(), people, firstSeconds, first.givers(), badges, againSeconds, loadSeconds,
                    weighSeconds, credits.size());
            var results = new LinkedHashMap<String, Object>();
            results.put("people", people);
            results.put("acts", first.acts());
            results.put("givers_with_credit", again.givers());
            results.put("badges_awarded", badges);
            results.put("recompute_first_s", round(firstSeconds));
            results.put("recompute_again_s", round(againSeconds));
            results.put("read_acts_s", round(loadSeconds));
            results.put("weighting_only_s", round(weighSeconds));
            results.put("target_s", 10);
            results.put("cores", Runtime.getRuntime().availableProcessors());
            results.put("measured_at", Instant.now().toString());
            var wrapped = new LinkedHashMap<String, Object>();
            wrapped.put("recognition", results);
            BenchResults.merge(people == 150_000 ? RESULTS : Path.of("target", "help-recognition-trial.json"),
                    wrapped);
        }
    }

    private static long[] writePeople(JdbcTemplate jdbc, int people) {
        var now = Timestamp.from(Instant.now());
        var batch = new ArrayList<Object[]>(10_000);
        for (int i = 0; i < people; i++) {
            batch.add(new Object[] {"giver-" + i + "@recognition.bench.example", "Giver " + i, now});
            if (batch.size() == 10_000 || i == people - 1) {
                jdbc.batchUpdate("insert into person (email, display_name, participant_type, created_at,"
                        + " email_verified_at) values (?, ?, 'EMPLOYEE', ?, current_timestamp)", batch);
                batch.clear();
            }
        }
        return jdbc.queryForList("select id from person where email like 'giver-%@recognition.bench.example'"
                + " order by id", Long.class).stream().mapToLong(Long::longValue).toArray();
    }

    /** The mix of acts (see the class comment); returns how many were written. */
    private static int writeActs(JdbcTemplate jdbc, long jamId, long[] people, int acts) {
        var random = new SplittableRandom(13);
        var now = Timestamp.from(Instant.now());
        var batch = new ArrayList<Object[]>(20_000);
        int rings = Math.min(500, people.length / 8);
        int ringActs = rings * 4 * 3 * 5; // every member marks the three others five times
        int subject = 0;
        int written = 0;
        for (int ring = 0; ring < rings; ring++) {
            for (int round = 0; round < 5; round++) {
                for (int a = 0; a < 4; a++) {
                    for (int b = 0; b < 4; b++) {
                        if (a != b) {
                            batch.add(act(jamId, CreditKind.HELPFUL, ++subject, people[ring * 4 + a],
                                    people[ring * 4 + b], now));
                        }
                    }
                }
            }
            written = flush(jdbc, batch, written);
        }
        int facilitators = Math.max(1, people.length / 300);
        for (int i = ringActs; i < acts; i++) {
            double kind = random.nextDouble();
            long giver = people[activeIndex(random, people.length)];
            long beneficiary = people[random.nextInt(people.length)];
            CreditKind chosen;
            if (kind < 0.60) {
                chosen = CreditKind.HELPFUL;
            } else if (kind < 0.72) {
                chosen = CreditKind.SOLUTION;
            } else if (kind < 0.82) {
                chosen = CreditKind.TEAM;
            } else if (kind < 0.87) {
                chosen = CreditKind.BUILD_ON;
            } else if (kind < 0.92) {
                chosen = CreditKind.NEWCOMER;
            } else if (kind < 0.98) {
                chosen = CreditKind.FACILITATION;
                giver = people[people.length - 1 - random.nextInt(facilitators)];
                beneficiary = random.nextInt(4) == 0 ? GiverCredit.COMMUNITY : beneficiary;
            } else {
                chosen = CreditKind.PROXY;
            }
            batch.add(act(jamId, chosen, ++subject, giver, beneficiary, now));
            if (batch.size() == 20_000) {
                written = flush(jdbc, batch, written);
            }
        }
        return flush(jdbc, batch, written);
    }

    /** A heavy-tailed choice of who gives: index ~ P · u³, so a few percent give most. */
    private static int activeIndex(SplittableRandom random, int people) {
        double u = random.nextDouble();
        return (int) Math.min(people - 1, (long) (people * u * u * u));
    }

    private static Object[] act(long jamId, CreditKind kind, long subject, long giver, long beneficiary, Timestamp at) {
        return new Object[] {jamId, kind.name(), subject, giver, beneficiary, at};
    }

    private static int flush(JdbcTemplate jdbc, List<Object[]> batch, int written) {
        if (!batch.isEmpty()) {
            jdbc.batchUpdate("insert into recognition_act (jam_id, kind, subject_id, giver_id, beneficiary_id,"
                    + " acted_at) values (?, ?, ?, ?, ?, ?)", batch);
            written += batch.size();
            batch.clear();
        }
        return written;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
