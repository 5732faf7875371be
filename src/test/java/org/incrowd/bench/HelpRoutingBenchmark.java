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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.incrowd.IncrowdApplication;
import org.incrowd.discussion.PostDraft;
import org.incrowd.discussion.Posting;
import org.incrowd.help.internal.Routing;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;
import org.incrowd.jam.ForumDraft;
import org.incrowd.jam.JamDraft;
import org.incrowd.jam.JamKind;
import org.incrowd.jam.JamService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Routing new questions of a help stream to experts, on the embedded H2 of {@code ./incrowd run}: a stream of
 * {@code Q} questions (100,000 unless given) over 12 topics and a general one, 500 experts (a tenth off shift, a tenth
 * away), each question a few words of its topic's vocabulary among words every topic shares; a third of the old
 * questions still wait for their expert. Then {@code N} new questions (5,000 unless given), a fifth of them asked in
 * the general topic so that the text model decides, timed two ways: the routing step alone ({@code Routing.choose}: topic and expert
 * on a question already written), and the whole path a person's post takes ({@code Posting.startThread}: post,
 * question row, routing, assignment, the expert's notification and mail). Prints p50/p95/p99 in ms and how often a
 * general question reached its true topic, and merges them under "routing" into bench/results/help.json. Old
 * questions are written straight into the tables (a benchmark's shortcut, as in BulkDecisionBenchmark).
 * Run with the test classpath: {@code java -cp ... org.incrowd.bench.HelpRoutingBenchmark [Q] [N]}.
 */
public final class HelpRoutingBenchmark {

    private static final String ADMIN = "bench-admin@help.bench.example";
    private static final int TOPICS = 12;
    private static final int EXPERTS = 500;
    private static final int ASKERS = 2_000;
    private static final String[] COMMON = words("order", "account", "help", "problem", "today", "week", "time",
            "number", "store", "phone", "mail", "app", "website", "customer", "service", "again", "since", "yesterday",
            "monday", "friday", "morning", "evening", "team", "staff", "answer", "question", "reply", "thing",
            "issue", "change");
    private static final String[][] TOPIC_WORDS = {
            words("parcel", "courier", "delivery", "tracking", "van", "doorstep", "shipped", "arrive", "depot",
                    "neighbour", "lost", "late"),
            words("invoice", "refund", "charged", "payment", "card", "billing", "receipt", "vat", "price", "discount",
                    "paypal", "money"),
            words("password", "login", "signin", "locked", "reset", "twofactor", "username", "email", "verify",
                    "session", "profile", "security"),
            words("return", "exchange", "label", "warranty", "damaged", "broken", "faulty", "repair", "swap",
                    "packaging", "condition", "box"),
            words("laptop", "battery", "charger", "screen", "keyboard", "touchpad", "overheating", "fan", "bios",
                    "drivers", "windows", "boot"),
            words("television", "remote", "hdmi", "channel", "antenna", "picture", "sound", "soundbar", "streaming",
                    "netflix", "volume", "pixels"),
            words("fridge", "freezer", "washer", "dryer", "dishwasher", "oven", "installation", "plumbing", "hose",
                    "drum", "temperature", "appliance"),
            words("camera", "lens", "tripod", "shutter", "memory", "photos", "zoom", "flash", "sensor", "mirrorless",
                    "autofocus", "raw"),
            words("printer", "ink", "toner", "cartridge", "paper", "jam", "scanner", "wifi", "duplex", "tray",
                    "spooler", "queue"),
            words("gaming", "console", "controller", "playstation", "xbox", "nintendo", "games", "download",
                    "multiplayer", "headset", "joystick", "firmware"),
            words("membership", "points", "loyalty", "coupon", "voucher", "rewards", "tier", "bonus", "birthday",
                    "newsletter", "subscription", "perks"),
            words("smartphone", "sim", "contract", "carrier", "roaming", "unlock", "android", "iphone", "case",
                    "bluetooth", "signal", "tariff")};

    private HelpRoutingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int existing = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int fresh = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        var data = Files.createTempDirectory("incrowd-help-bench-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IncrowdApplication.class).run(
                "--server.port=0", "--incrowd.data-dir=" + data, "--incrowd.demo=false",
                "--incrowd.admin.email=" + ADMIN, "--incrowd.admin.password=bench-admin-password-long",
                "--incrowd.mail.host=127.0.0.1", "--incrowd.mail.port=9", "--logging.level.root=WARN",
                "--incrowd.posting.per-minute=1000000", "--logging.file.name=")) {
            var jams = app.getBean(JamService.class);
            var admin = app.getBean(IdentityService.class).findByEmail(ADMIN).orElseThrow().asActor();
            Instant now = jams.now();
            var draft = new JamDraft("Help benchmark", "Questions at scale.", null,
                    local(now.minus(Duration.ofHours(1))), local(now.plus(Duration.ofHours(71))), "UTC",
                    EnumSet.of(ParticipantType.EMPLOYEE), false, null, null, JamKind.HELP_STREAM, null, null);
            long jamId = jams.publish(admin, jams.create(admin, draft).id()).id();
            var topics = new ArrayList<Long>();
            for (int t = 0; t < TOPICS; t++) {
                topics.add(jams.addForum(admin, jamId, new ForumDraft("Topic " + t, "Questions about " + t)).id());
            }
            long general = jams.addForum(admin, jamId, new ForumDraft("Not sure", "Anything else")).id();
            var jdbc = app.getBean(JdbcTemplate.class);
            var people = people(jdbc, jamId, topics, general);
            var random = new SplittableRandom(13);
            long written = System.nanoTime();
            writeQuestions(jdbc, jamId, topics, people, existing, random);
            System.out.printf("wrote %,d questions in %.1f s%n", existing, (System.nanoTime() - written) / 1e9);

            var routing = app.getBean(Routing.class);
            var transactions = app.getBean(TransactionTemplate.class);
            var askers = people.askers();
            // The model is built from the table and the posts on the stream's first question after start-up.
            long built = System.nanoTime();
            long warm = insertQuestion(jdbc, jamId, topics.getFirst(), askers.getFirst(), text(0, random));
            transactions.executeWithoutResult(status -> routing.assign(warm, jamId,
                    routing.choose(warm, jamId, topics.getFirst(), askers.getFirst())));
            double buildSeconds = (System.nanoTime() - built) / 1e9;
            System.out.printf("topic model built from %,d questions in %.1f s%n", existing, buildSeconds);

            // The routing step alone, on questions already written.
            var step = new double[fresh];
            var assigned = new double[fresh];
            int generalAsked = 0;
            int generalRight = 0;
            for (int i = 0; i < fresh; i++) {
                int topic = random.nextInt(TOPICS);
                boolean isGeneral = i % 5 == 0;
                long forum = isGeneral ? general : topics.get(topic);
                long asker = askers.get(random.nextInt(askers.size()));
                long id = insertQuestion(jdbc, jamId, forum, asker, text(topic, random));
                int index = i;
                var routed = transactions.execute(status -> {
                    long start = System.nanoTime();
                    var chosen = routing.choose(id, jamId, forum, asker);
                    step[index] = (System.nanoTime() - start) / 1e6;
                    long assigning = System.nanoTime();
                    routing.assign(id, jamId, chosen);
                    assigned[index] = (System.nanoTime() - assigning) / 1e6;
                    return chosen;
                });
                if (isGeneral) {
                    generalAsked++;
                    generalRight += routed.topicId() == topics.get(topic) ? 1 : 0;
                }
            }
            // The whole path: a person posts, the question is written, routed, assigned and the expert told.
            var posting = app.getBean(Posting.class);
            var identity = app.getBean(IdentityService.class);
            var whole = new double[fresh];
            for (int i = 0; i < fresh; i++) {
                int topic = random.nextInt(TOPICS);
                long forum = i % 5 == 0 ? general : topics.get(topic);
                var asker = identity.require(askers.get(random.nextInt(askers.size()))).asActor();
                var words = text(topic, random);
                long start = System.nanoTime();
                posting.startThread(asker, forum, new PostDraft("Question " + i, words, ""));
                whole[i] = (System.nanoTime() - start) / 1e6;
            }
            var results = new LinkedHashMap<String, Object>();
            results.put("questions", existing);
            results.put("topics", TOPICS);
            results.put("experts", EXPERTS);
            results.put("newQuestions", fresh);
            results.put("modelBuildSeconds", round(buildSeconds));
            results.put("routeStepMs", percentiles(step));
            results.put("assignAndTellMs", percentiles(assigned));
            results.put("postedToAssignedMs", percentiles(whole));
            results.put("generalRoutedToTrueTopic", round((double) generalRight / Math.max(1, generalAsked)));
            results.put("machine", Runtime.getRuntime().availableProcessors() + " cores, H2 embedded");
            System.out.println("routing: " + results);
            BenchResults.merge(Path.of("bench/results/help.json"), Map.of("routing", results));
        }
    }

    record People(List<Long> experts, List<Long> askers) {
    }

    /** 500 experts (one or two topics each; a tenth off shift, a tenth away for a day) and 2,000 askers, all joined. */
    private static People people(JdbcTemplate jdbc, long jamId, List<Long> topics, long general) {
        var now = Timestamp.from(Instant.now());
        var rows = new ArrayList<Object[]>();
        for (int i = 0; i < EXPERTS; i++) {
            rows.add(new Object[] {"expert-" + i + "@help.bench.example", "Expert " + i, now});
        }
        for (int i = 0; i < ASKERS; i++) {
            rows.add(new Object[] {"asker-" + i + "@help.bench.example", "Asker " + i, now});
        }
        jdbc.batchUpdate("insert into person (email, display_name, participant_type, created_at, email_verified_at)"
                + " values (?, ?, 'EMPLOYEE', ?, current_timestamp)", rows);
        var experts = jdbc.queryForList("select id from person where email like 'expert-%@help.bench.example'"
                + " order by id", Long.class);
        var askers = jdbc.queryForList("select id from person where email like 'asker-%@help.bench.example'"
                + " order by id", Long.class);
        jdbc.update("insert into jam_member (jam_id, person_id, joined_at) select ?, id, current_timestamp"
                + " from person where email like '%@help.bench.example' and email <> ?", jamId, ADMIN);
        var expertise = new ArrayList<Object[]>();
        var standing = new ArrayList<Object[]>();
        var away = Timestamp.from(Instant.now().plus(Duration.ofDays(1)));
        for (int i = 0; i < experts.size(); i++) {
            long person = experts.get(i);
            expertise.add(new Object[] {jamId, person, topics.get(i % TOPICS)});
            if (i % 3 == 0) {
                expertise.add(new Object[] {jamId, person, topics.get((i * 7 + 1) % TOPICS)});
            }
            standing.add(new Object[] {jamId, person, i % 10 == 1 ? away : null, i % 10 == 2});
        }
        jdbc.batchUpdate("merge into help_expertise key (jam_id, person_id, forum_id) values (?, ?, ?)", expertise);
        jdbc.batchUpdate("insert into help_expert (jam_id, person_id, away_until, off_shift) values (?, ?, ?, ?)",
                standing);
        jdbc.update("insert into help_general_topic (forum_id, jam_id) values (?, ?)", general, jamId);
        return new People(experts, askers);
    }

    /** The old questions and their rows; a third still wait for the expert they were assigned to. */
    private static void writeQuestions(JdbcTemplate jdbc, long jamId, List<Long> topics, People people, int count,
                                       SplittableRandom random) {
        var start = Instant.now().minus(Duration.ofDays(365));
        for (int from = 0; from < count; from += 10_000) {
            int to = Math.min(count, from + 10_000);
            var posts = new ArrayList<Object[]>();
            var topicOfPost = new int[to - from];
            for (int i = from; i < to; i++) {
                int topic = random.nextInt(TOPICS);
                topicOfPost[i - from] = topic;
                String body = text(topic, random);
                posts.add(new Object[] {jamId, topics.get(topic), people.askers().get(random.nextInt(ASKERS)),
                        "Question " + i, body, "<p>" + body + "</p>",
                        Timestamp.from(start.plusSeconds(i * 300L))});
            }
            jdbc.batchUpdate("insert into post (jam_id, forum_id, author_id, title, body, body_html, created_at,"
                    + " depth) values (?, ?, ?, ?, ?, ?, ?, 0)", posts);
            jdbc.update("update post set thread_id = id where thread_id is null and jam_id = ?", jamId);
            var ids = jdbc.queryForList("select id from post where jam_id = ? order by id desc limit ?", Long.class,
                    jamId, to - from);
            java.util.Collections.reverse(ids);
            var rows = new ArrayList<Object[]>();
            for (int k = 0; k < ids.size(); k++) {
                int topic = topicOfPost[k];
                boolean open = random.nextInt(3) == 0;
                long expert = people.experts().get(topic + TOPICS * random.nextInt(EXPERTS / TOPICS));
                var asked = Timestamp.from(start.plusSeconds((from + k) * 300L));
                rows.add(new Object[] {ids.get(k), jamId, topics.get(topic), posts.get(k)[2], asked,
                        open ? "OPEN" : "ANSWERED", open ? 0 : 1, open ? null : asked, open ? null : asked, expert,
                        asked});
            }
            jdbc.batchUpdate("insert into help_question (question_id, jam_id, forum_id, asker_id, asked_at, status,"
                    + " answers, first_answer_at, last_answer_at, assignee_id, assigned_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        }
    }

    private static long insertQuestion(JdbcTemplate jdbc, long jamId, long forumId, long asker, String body) {
        var now = Timestamp.from(Instant.now());
        jdbc.update("insert into post (jam_id, forum_id, author_id, title, body, body_html, created_at, depth)"
                + " values (?, ?, ?, ?, ?, ?, ?, 0)", jamId, forumId, asker, "New question", body, "<p>" + body
                + "</p>", now);
        long id = jdbc.queryForObject("select max(id) from post where jam_id = ?", Long.class, jamId);
        jdbc.update("update post set thread_id = id where id = ?", id);
        jdbc.update("insert into help_question (question_id, jam_id, forum_id, asker_id, asked_at, status, answers)"
                + " values (?, ?, ?, ?, ?, 'OPEN', 0)", id, jamId, forumId, asker, now);
        return id;
    }

    /** An English sentence or two: a few of the topic's words among words every topic uses. */
    private static String text(int topic, SplittableRandom random) {
        var words = TOPIC_WORDS[topic];
        return "Hello, my " + COMMON[random.nextInt(COMMON.length)] + " and the "
                + words[random.nextInt(words.length)] + " is not working since "
                + COMMON[random.nextInt(COMMON.length)] + ". The " + words[random.nextInt(words.length)] + " and my "
                + words[random.nextInt(words.length)] + " were " + COMMON[random.nextInt(COMMON.length)]
                + " again, what should I do with the " + words[random.nextInt(words.length)] + "?";
    }

    private static Map<String, Double> percentiles(double[] millis) {
        var sorted = millis.clone();
        Arrays.sort(sorted);
        var result = new LinkedHashMap<String, Double>();
        result.put("p50", round(sorted[(int) Math.floor(0.50 * (sorted.length - 1))]));
        result.put("p95", round(sorted[(int) Math.floor(0.95 * (sorted.length - 1))]));
        result.put("p99", round(sorted[(int) Math.floor(0.99 * (sorted.length - 1))]));
        result.put("max", round(sorted[sorted.length - 1]));
        return result;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String[] words(String... words) {
        return words;
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
