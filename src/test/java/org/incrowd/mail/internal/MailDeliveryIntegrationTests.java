package org.incrowd.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.incrowd.IncrowdApplication;
import org.incrowd.identity.Role;
import org.incrowd.mail.ComposedMail;
import org.incrowd.mail.Mail;
import org.incrowd.mail.MailComposer;
import org.incrowd.mail.MailEvents.MailBounced;
import org.incrowd.mail.Outbox;
import org.incrowd.support.Fixtures;
import org.incrowd.support.MailCatcher;
import org.incrowd.support.TcpProxy;
import org.incrowd.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sender against a real SMTP server (the tests' GreenMail) that goes away, refuses recipients and outlives the
 * nodes: Incrowd nodes of their own (started here, as in production), whose mail passes a {@link TcpProxy} (to cut
 * the line) and a {@link RefusingSmtpProxy} (to refuse an address) on its way to GreenMail.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailDeliveryIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String KIND = "test.delivery";

    static RefusingSmtpProxy refusing;
    static TcpProxy line;
    static List<String> database;
    static ConfigurableApplicationContext node;
    static final List<MailBounced> bounced = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        refusing = new RefusingSmtpProxy(MailCatcher.port());
        line = new TcpProxy(refusing.port());
        var settings = "postgres".equals(TestDatabase.kind()) ? TestDatabase.freshPostgres() : Map.<String, Object>of(
                "spring.datasource.url", "jdbc:h2:mem:mail-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "spring.datasource.driver-class-name", "org.h2.Driver",
                "spring.datasource.username", "sa", "spring.datasource.password", "");
        database = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
        node = node();
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        line.close();
        refusing.close();
    }

    /** A node of its own on the shared database; failed attempts are tried again within a second. */
    static ConfigurableApplicationContext node(String... more) {
        var args = new ArrayList<>(database);
        args.addAll(List.of("--server.port=0", "--incrowd.data-dir=" + TestDatabase.freshDataFolder(),
                "--incrowd.mail.host=127.0.0.1", "--incrowd.mail.port=" + line.port(),
                "--incrowd.mail.retry.first=200ms", "--incrowd.mail.retry.longest=1s"));
        args.addAll(List.of(more));
        var started = new SpringApplicationBuilder(IncrowdApplication.class).profiles("test")
                .initializers(context -> context.getBeanFactory().registerSingleton("deliveryComposer", composer()))
                .run(args.toArray(String[]::new));
        started.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof MailBounced b) {
                bounced.add(b);
            }
        });
        return started;
    }

    static MailComposer composer() {
        return new MailComposer() {
            @Override
            public String kind() {
                return KIND;
            }

            @Override
            public ComposedMail compose(Mail mail) {
                return new ComposedMail("Delivery " + mail.param("n"), "<p>Delivery " + mail.param("n") + "</p>",
                        "Delivery " + mail.param("n"), null);
            }
        };
    }

    static Mail mail(String key, String to) {
        return new Mail(key, KIND, to, null, "en", Map.of("n", key));
    }

    static void send(ConfigurableApplicationContext on, List<Mail> mails) {
        on.getBean(TransactionTemplate.class).executeWithoutResult(status -> on.getBean(Outbox.class).sendAll(mails));
    }

    static Map<String, Object> row(String key) {
        return node.getBean(JdbcTemplate.class).queryForMap(
                "select state, attempts, last_error from mail_outbox where mail_key = ?", key);
    }

    static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        Instant giveUp = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("Not within " + WAIT + ": " + what);
            }
            Thread.sleep(50);
        }
    }

    static String address(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@delivery.example";
    }

    @Test
    @Order(1)
    void mailWaitsWhileTheServerIsAwayAndIsDeliveredOnceWhenItComesBack() throws Exception {
        String to = address("ada");
        var fixtures = Fixtures.of(node);
        line.cut();
        try {
            // The person's action and its mail in one transaction: the action succeeds although no mail can go.
            var person = node.getBean(TransactionTemplate.class).execute(status -> {
                var ada = fixtures.person("Ada Away", Role.PARTICIPANT);
                node.getBean(Outbox.class).send(mail("away:1", to));
                return ada;
            });
            assertThat(fixtures.identity().find(person.id())).isPresent();

            eventually("two failed attempts", () -> ((Number) row("away:1").get("attempts")).intValue() >= 2);
            var waiting = row("away:1");
            assertThat(waiting.get("state")).isEqualTo("waiting");
            assertThat((String) waiting.get("last_error")).contains("not reachable");
            assertThat(MailCatcher.messagesTo(to)).isEmpty();
        } finally {
            line.restore();
        }

        assertThat(MailCatcher.text(MailCatcher.awaitOne(to))).contains("Delivery away:1");
        eventually("recorded as sent", () -> "sent".equals(row("away:1").get("state")));
        assertThat(MailCatcher.messagesTo(to)).hasSize(1);
    }

    @Test
    @Order(2)
    void anUnreadableRowFailsAloneAndTheMailAfterItIsStillSent() throws Exception {
        String to = address("after-broken");
        node.getBean(JdbcTemplate.class).update("""
                insert into mail_outbox (mail_key, kind, recipient, params, state, attempts, next_attempt_at, created_at)
                values ('broken:1', ?, ?, 'not json', 'waiting', 0, ?, ?)""", KIND, address("broken"),
                Timestamp.from(Instant.parse("2000-01-01T00:00:00Z")), Timestamp.from(Instant.now()));

        send(node, List.of(mail("broken:2", to)));

        MailCatcher.awaitOne(to);
        eventually("the unreadable row failed", () -> "failed".equals(row("broken:1").get("state")));
        assertThat((String) row("broken:1").get("last_error")).startsWith("unreadable outbox row");
    }

    @Test
    @Order(2)
    void aRecipientRefusedForGoodEndsAsBouncedAndIsAnnouncedWhileOthersStillGo() throws Exception {
        String nobody = address("nobody");
        String somebody = address("somebody");
        refusing.refuse(nobody);

        send(node, List.of(mail("bounce:1", nobody), mail("bounce:2", somebody)));

        MailCatcher.awaitOne(somebody);
        eventually("bounced", () -> "bounced".equals(row("bounce:1").get("state")));
        assertThat((String) row("bounce:1").get("last_error")).contains("550");
        eventually("MailBounced published", () -> !bounced.isEmpty());
        assertThat(bounced).containsExactly(new MailBounced("bounce:1", KIND, nobody, null));
        assertThat(MailCatcher.messagesTo(nobody)).isEmpty();
    }

    @Test
    @Order(3)
    void aMessageHeldByANodeThatDiedIsSentOnceItsClaimRunsOut() throws Exception {
        String to = address("claimed");
        var sender = node.getBean(MailSender.class);
        sender.stop();
        try {
            send(node, List.of(mail("claimed:1", to)));
            // Claimed as a node does before sending; that node then dies without a word.
            var claimed = node.getBean(OutboxRows.class).claim(10, Instant.now().plusSeconds(1));
            assertThat(claimed).extracting(c -> c.mail().key()).contains("claimed:1");
        } finally {
            sender.start();
        }

        MailCatcher.awaitOne(to);
        eventually("recorded as sent", () -> "sent".equals(row("claimed:1").get("state")));
        assertThat(row("claimed:1").get("attempts")).isEqualTo(1);
        assertThat(MailCatcher.messagesTo(to)).hasSize(1);
    }

    @Test
    @Order(4)
    void aRestartSendsNothingTwice() throws Exception {
        var addresses = IntStream.range(0, 20).mapToObj(i -> address("restart" + i)).toList();
        send(node, IntStream.range(0, 20).mapToObj(i -> mail("restart:" + i, addresses.get(i))).toList());
        for (String to : addresses) {
            MailCatcher.awaitOne(to);
        }

        node.close();
        node = node();
        // The new node's sender runs: its own mail arrives, so it has looked at the outbox since it started.
        String after = address("after-restart");
        send(node, List.of(mail("restart:after", after)));
        MailCatcher.awaitOne(after);

        for (String to : addresses) {
            assertThat(MailCatcher.messagesTo(to)).as(to).hasSize(1);
        }
    }

    @Test
    @Order(5)
    void twoNodesOnOnePostgresSendEachMessageExactlyOnce() throws Exception {
        assumeThat(TestDatabase.kind()).as("two nodes need a shared PostgreSQL").isEqualTo("postgres");
        try (var second = node("--incrowd.mail.batch=10")) {
            var addresses = IntStream.range(0, 200).mapToObj(i -> address("pair" + i)).toList();
            send(node, IntStream.range(0, 200).mapToObj(i -> mail("pair:" + i, addresses.get(i))).toList());

            eventually("all 200 recorded as sent", () -> node.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from mail_outbox where mail_key like 'pair:%' and state = 'sent'",
                    Integer.class) == 200);
            for (String to : addresses) {
                assertThat(MailCatcher.messagesTo(to)).as(to).hasSize(1);
            }
        }
    }

    @Test
    @Order(6)
    void aFewMessagesAtOnceGoOverOneConnection() throws Exception {
        eventually("no message of the earlier tests still waiting", () -> node.getBean(JdbcTemplate.class)
                .queryForObject("select count(*) from mail_outbox where state = 'waiting'", Integer.class) == 0);
        int before = line.connectionsAccepted();
        var addresses = IntStream.range(0, 12).mapToObj(i -> address("few" + i)).toList();
        send(node, IntStream.range(0, 12).mapToObj(i -> mail("few:" + i, addresses.get(i))).toList());

        eventually("all 12 recorded as sent", () -> node.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from mail_outbox where mail_key like 'few:%' and state = 'sent'", Integer.class) == 12);
        for (String to : addresses) {
            assertThat(MailCatcher.messagesTo(to)).as(to).hasSize(1);
        }
        // Not one per share of the sender's four connections: a handshake (and, with TLS, a key exchange) each.
        assertThat(line.connectionsAccepted() - before).isEqualTo(1);
    }
}
