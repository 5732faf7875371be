package org.incrowd.bench;

import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.incrowd.IncrowdApplication;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;
import org.incrowd.jam.ForumDraft;
import org.incrowd.jam.JamDraft;
import org.incrowd.jam.JamService;
import org.incrowd.review.Reviewing;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One bulk decision on {@code N} ideas (5,000 unless given), on the embedded H2 of {@code ./incrowd run}: each idea
 * with its author (who follows it) and two replies by builders, all with verified addresses, so the decision writes
 * a bell row and an at-once mail in the outbox for each of them. Times {@code Reviewing.decide} as a whole (stages,
 * idea_review, ledger, notifications, outbox, live events) and prints what it wrote. Ideas, people and replies are
 * written straight into the tables (a benchmark's shortcut, as in NotifyBenchmark). Run with the test classpath:
 * {@code java -cp ... org.incrowd.bench.BulkDecisionBenchmark [N]}.
 */
public final class BulkDecisionBenchmark {

    private static final String ADMIN = "bench-admin@review.bench.example";

    private BulkDecisionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int ideas = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        var data = Files.createTempDirectory("incrowd-review-bench-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IncrowdApplication.class).run(
                "--server.port=0", "--incrowd.data-dir=" + data, "--incrowd.demo=false",
                "--incrowd.admin.email=" + ADMIN, "--incrowd.admin.password=bench-admin-password-long",
                "--incrowd.mail.host=127.0.0.1", "--incrowd.mail.port=9", "--logging.level.root=WARN",
                "--logging.file.name=")) {
            var jams = app.getBean(JamService.class);
            var admin = app.getBean(IdentityService.class).findByEmail(ADMIN).orElseThrow().asActor();
            Instant now = jams.now();
            var draft = new JamDraft("Review benchmark", "Deciding at scale.", null, local(now.minus(Duration
                    .ofHours(1))), local(now.plus(Duration.ofHours(71))), "UTC", EnumSet.of(ParticipantType.EMPLOYEE),
                    false, null, null);
            long jamId = jams.publish(admin, jams.create(admin, draft).id()).id();
            long forumId = jams.addForum(admin, jamId, new ForumDraft("Ideas", "What should change?")).id();
            var jdbc = app.getBean(JdbcTemplate.class);
            var ids = write(jdbc, jamId, forumId, ideas);

            long start = System.nanoTime();
            var decision = app.getBean(Reviewing.class).decide(admin, jamId, ids, "selected",
                    "Chosen for the pilot: it helps the night shift and costs little.");
            double seconds = (System.nanoTime() - start) / 1e9;

            long notifications = jdbc.queryForObject("select count(*) from notification where kind = 'IDEA_DECIDED'",
                    Long.class);
            long mails = jdbc.queryForObject("select count(*) from mail_outbox where kind = 'notify.at-once'",
                    Long.class);
            System.out.printf("bulk decision: %d ideas in %.2f s; %d notifications, %d mails in the outbox%n",
                    decision.ideas(), seconds, notifications, mails);
        }
    }

    /** The ideas (ids returned), their authors who follow them, and two replies each by 2,500 builders. */
    private static List<Long> write(JdbcTemplate jdbc, long jamId, long forumId, int ideas) {
        var now = Timestamp.from(Instant.now());
        var people = new ArrayList<Object[]>();
        for (int i = 0; i < ideas; i++) {
            people.add(new Object[] {"author-" + i + "@review.bench.example", "Author " + i, now});
        }
        for (int i = 0; i < 2_500; i++) {
            people.add(new Object[] {"builder-" + i + "@review.bench.example", "Builder " + i, now});
        }
        jdbc.batchUpdate("insert into person (email, display_name, participant_type, created_at, email_verified_at)"
                + " values (?, ?, 'EMPLOYEE', ?, current_timestamp)", people);
        var authors = jdbc.queryForList("select id from person where email like 'author-%@review.bench.example'"
                + " order by id", Long.class);
        var builders = jdbc.queryForList("select id from person where email like 'builder-%@review.bench.example'",
                Long.class);
        var posts = new ArrayList<Object[]>();
        for (int i = 0; i < ideas; i++) {
            posts.add(new Object[] {jamId, forumId, authors.get(i), "Idea " + i, "Body " + i, "<p>Body " + i + "</p>",
                    now});
        }
        jdbc.batchUpdate("insert into post (jam_id, forum_id, author_id, title, body, body_html, created_at, depth)"
                + " values (?, ?, ?, ?, ?, ?, ?, 0)", posts);
        jdbc.update("update post set thread_id = id where thread_id is null and jam_id = ?", jamId);
        var ids = jdbc.queryForList("select id from post where jam_id = ? order by id", Long.class, jamId);
        var random = new SplittableRandom(12);
        var replies = new ArrayList<Object[]>();
        for (long id : ids) {
            for (int r = 0; r < 2; r++) {
                replies.add(new Object[] {jamId, forumId, id, id, builders.get(random.nextInt(builders.size())),
                        "Built on", "<p>Built on</p>", now});
            }
        }
        jdbc.batchUpdate("insert into post (jam_id, forum_id, thread_id, parent_id, author_id, body, body_html,"
                + " created_at, depth) values (?, ?, ?, ?, ?, ?, ?, ?, 1)", replies);
        jdbc.update("insert into idea_review (idea_id, jam_id, forum_id, author_id, author_type, posted_at, stage_key,"
                + " stage_since) select id, jam_id, forum_id, author_id, 'EMPLOYEE', created_at, 'new', created_at"
                + " from post where jam_id = ? and parent_id is null", jamId);
        jdbc.update("insert into follow (person_id, target_kind, target_id, state, since) select author_id, 'THREAD',"
                + " id, 'FOLLOW', created_at from post where jam_id = ? and parent_id is null", jamId);
        return ids;
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
