package org.incrowd.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
import org.incrowd.jam.Invitations;
import org.incrowd.jam.JamDraft;
import org.incrowd.jam.JamService;
import org.incrowd.notify.NotificationKind;
import org.incrowd.notify.internal.Inbox;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reaching people at Jam scale, on the embedded H2 of {@code ./incrowd run} with GreenMail as the SMTP server
 * (started here, counting what arrives per recipient and dropping the bodies, so 150,000 messages fit in memory):
 * <ol>
 * <li>import a generated CSV file of 150,000 invitations through the invitations service (the page's upload path):
 * read and checked whole, then written in batches with their outbox rows;</li>
 * <li>hand all 150,000 invitation mails to SMTP through the application's own sender: counted by recipient (each
 * invitation has its own address), so lost and duplicated messages are exact;</li>
 * <li>fan out one "the Jam is open" notification to 150,000 members ({@code Inbox.deliverToJamMembers});</li>
 * <li>p95 of the bell's unread count ({@code Inbox.unreadCount}) for members, 2,000 calls after warming up.</li>
 * </ol>
 * Members are written straight into the tables (a benchmark's shortcut, as in ParticipationBenchmark). Writes
 * bench/results/notify.json.
 */
public final class NotifyBenchmark {

    static final Path RESULTS = Path.of("bench", "results", "notify.json");
    /** How many invitations and members: 150,000 each, or {@code --people N} for a quick trial. */
    private static int INVITATIONS = 150_000;
    private static int MEMBERS = 150_000;
    private static final int COUNT_CALLS = 2_000;
    /** The longest the benchmark waits for the mails, and for a stretch without any progress. */
    private static final Duration SEND_LIMIT = Duration.ofMinutes(25);
    private static final Duration STALL_LIMIT = Duration.ofSeconds(90);
    private static final String ADMIN = "bench-admin@notify.bench.example";

    private NotifyBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--people")) {
            INVITATIONS = Integer.parseInt(args[1]);
            MEMBERS = INVITATIONS;
        }
        Path data = Files.createTempDirectory("incrowd-notify-bench-");
        var results = new LinkedHashMap<String, Object>();
        results.put("machine", Machine.describe());
        results.put("load_average_before", Machine.loadAverage());
        var smtp = new CountingSmtpServer(SEND_LIMIT, STALL_LIMIT);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IncrowdApplication.class).run(
                "--server.port=0", "--incrowd.data-dir=" + data, "--incrowd.demo=false",
                "--incrowd.admin.email=" + ADMIN, "--incrowd.admin.password=bench-admin-password-long",
                "--incrowd.mail.host=127.0.0.1", "--incrowd.mail.port=" + smtp.port(),
                "--logging.level.root=WARN", "--logging.file.name=")) {
            var jams = app.getBean(JamService.class);
            var admin = app.getBean(IdentityService.class).findByEmail(ADMIN).orElseThrow().asActor();
            long jamId = invitationOnlyJam(jams, admin);

            // 1. The import.
            byte[] csv = csv();
            var invitations = app.getBean(Invitations.class);
            long importStart = System.nanoTime();
            var outcome = invitations.upload(admin, jamId, new ByteArrayInputStream(csv), "en");
            if (!outcome.bad().isEmpty()) {
                throw new IllegalStateException("The generated file has bad lines: " + outcome.bad().getFirst());
            }
            var progress = invitations.importProgress(admin, jamId, outcome.importId());
            while (!progress.finished()) {
                Thread.sleep(100);
                progress = invitations.importProgress(admin, jamId, outcome.importId());
            }
            double importSeconds = seconds(System.nanoTime() - importStart);
            if (progress.problem() != null) {
                throw new IllegalStateException("The import failed: " + progress.problem());
            }
            results.put("invitations", progress.invited());
            results.put("csv_megabytes", Math.round(csv.length / 1e5) / 10.0);
            results.put("import_seconds", importSeconds);
            System.out.printf("import: %d invitations in %.1f s%n", progress.invited(), importSeconds);

            // 2. The mails, counted from the moment the first outbox rows were written (the import's start).
            var sent = smtp.awaitAll(INVITATIONS, importStart);
            results.put("mails_sent", sent.received());
            results.put("send_seconds", sent.seconds());
            results.put("send_seconds_after_import", Math.round((sent.seconds() - importSeconds) * 10) / 10.0);
            // Lost: handed to SMTP by the outbox and never received. Mails still waiting when the limit passed are
            // not lost (the outbox keeps them); they are reported apart.
            var outboxRows = app.getBean(JdbcTemplate.class);
            long handedOver = outboxRows.queryForObject("select count(*) from mail_outbox where state = 'sent' "
                    + "and mail_key like 'invitation:%'", Long.class);
            results.put("lost", Math.max(0, handedOver - sent.distinctRecipients()));
            results.put("still_waiting_in_outbox", INVITATIONS - handedOver);
            results.put("duplicates", sent.received() - sent.distinctRecipients());
            results.put("send_finished", sent.complete() ? "all received" : "stopped waiting: " + sent.why());
            System.out.println("mail: " + sent);

            // 3. The fan-out to the Jam's members.
            var jdbc = app.getBean(JdbcTemplate.class);
            List<Long> members = members(jdbc, jamId);
            var inbox = app.getBean(Inbox.class);
            long fanoutStart = System.nanoTime();
            inbox.deliverToJamMembers(NotificationKind.JAM_OPENED, jamId, "/jams/" + jamId,
                    Map.of("jam", "Benchmark Jam"));
            double fanoutSeconds = seconds(System.nanoTime() - fanoutStart);
            long written = jdbc.queryForObject("select count(*) from notification where jam_id = ?", Long.class,
                    jamId);
            results.put("fanout_members", members.size());
            results.put("fanout_rows_written", written);
            results.put("fanout_mails_written", jdbc.queryForObject(
                    "select count(*) from mail_outbox where mail_key not like 'invitation:%'", Long.class));
            results.put("fanout_seconds", fanoutSeconds);
            System.out.printf("fan-out: %d rows (and their mails at once) in %.2f s%n", written, fanoutSeconds);

            // 4. The bell's count.
            results.put("unread_p95_ms", unreadP95(inbox, members));
        } finally {
            smtp.close();
            try (var files = Files.walk(data)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        results.put("load_average_after", Machine.loadAverage());
        results.put("database", "H2 (embedded, file), as ./incrowd run");
        results.put("smtp", "GreenMail 2.1.5 in the benchmark's JVM; the application's own mail sender");
        BenchResults.merge(INVITATIONS == 150_000 ? RESULTS : Path.of("target", "notify-trial.json"), results);
        System.out.println(results);
    }

    private static long invitationOnlyJam(JamService jams, Actor admin) {
        Instant now = jams.now();
        var draft = new JamDraft("Benchmark Jam", "Reaching 150,000 people.", null, local(now.minus(Duration
                .ofHours(1))), local(now.plus(Duration.ofHours(71))), "UTC", EnumSet.of(ParticipantType.EMPLOYEE,
                ParticipantType.CLIENT, ParticipantType.PARTNER), true, null, null);
        return jams.publish(admin, jams.create(admin, draft).id()).id();
    }

    /** 150,000 rows as organisers export them: every column, a few types, countries and units. */
    private static byte[] csv() {
        var random = new SplittableRandom(20261205L);
        String[] types = {"employee", "employee", "employee", "client", "partner", "family member"};
        String[] countries = {"DE", "FR", "GB", "US", "IN", "BR", "JP", "ES", "NL", "PL"};
        var text = new StringBuilder(INVITATIONS * 80).append("email,name,participant type,country,unit,job role\n");
        for (int i = 0; i < INVITATIONS; i++) {
            text.append("invitee-").append(i).append("@notify.bench.example,Invitee ").append(i).append(',')
                    .append(types[random.nextInt(types.length)]).append(',')
                    .append(countries[random.nextInt(countries.length)]).append(",Unit ").append(random.nextInt(400))
                    .append(",Role ").append(random.nextInt(60)).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** 150,000 people who joined the Jam, written straight into the tables. */
    private static List<Long> members(JdbcTemplate jdbc, long jamId) {
        var now = Timestamp.from(Instant.now());
        var rows = new ArrayList<Object[]>(10_000);
        for (int i = 0; i < MEMBERS; i++) {
            rows.add(new Object[] {"member-" + i + "@notify.bench.example", "Member " + i, now});
            if (rows.size() == 10_000 || i == MEMBERS - 1) {
                // Verified addresses, so that each member's default choice (JAM_OPENED: mail at once) writes a mail too.
                jdbc.batchUpdate("insert into person (email, display_name, participant_type, created_at, "
                        + "email_verified_at) values (?, ?, 'EMPLOYEE', ?, current_timestamp)", rows);
                rows.clear();
            }
        }
        List<Long> ids = jdbc.queryForList("select id from person where email like 'member-%@notify.bench.example'",
                Long.class);
        var memberRows = new ArrayList<Object[]>(10_000);
        for (int i = 0; i < ids.size(); i++) {
            memberRows.add(new Object[] {jamId, ids.get(i), now});
            if (memberRows.size() == 10_000 || i == ids.size() - 1) {
                jdbc.batchUpdate("insert into jam_member (jam_id, person_id, joined_at) values (?, ?, ?)",
                        memberRows);
                memberRows.clear();
            }
        }
        return ids;
    }

    /** Warms up, then times {@link #COUNT_CALLS} counts for random members; the 95th percentile in ms. */
    private static double unreadP95(Inbox inbox, List<Long> members) {
        var random = new SplittableRandom(7);
        for (int i = 0; i < 500; i++) {
            inbox.unreadCount(members.get(random.nextInt(members.size())));
        }
        double[] times = new double[COUNT_CALLS];
        for (int i = 0; i < COUNT_CALLS; i++) {
            long start = System.nanoTime();
            int unread = inbox.unreadCount(members.get(random.nextInt(members.size())));
            times[i] = (System.nanoTime() - start) / 1e6;
            if (unread != 1) {
                throw new IllegalStateException("A member has " + unread + " unread notifications, expected 1");
            }
        }
        Arrays.sort(times);
        double p95 = Math.round(times[(int) Math.ceil(COUNT_CALLS * 0.95) - 1] * 1000) / 1000.0;
        System.out.printf("unread count: p50 %.3f ms, p95 %.3f ms%n", times[COUNT_CALLS / 2], p95);
        return p95;
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e8) / 10.0;
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
