package org.incrowd.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Role;
import org.incrowd.jam.Jam;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a receiving system gets: signed deliveries of a Jam's events, retried until accepted, each cause once. */
@IncrowdTest
class WebhookDeliveryIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationContext context;
    @Autowired
    Webhooks webhooks;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = Fixtures.of(context);
    }

    Webhooks.Registered register(Jam jam, Receiver receiver, WebhookEvent... events) {
        return webhooks.register(fixtures.organiser().asActor(), jam.id(), "Receiver", receiver.url(),
                EnumSet.copyOf(Set.of(events)));
    }

    @Test
    void aNewPostReachesTheReceiverSignedWithTheWebhooksSecret() throws Exception {
        var jam = fixtures.liveJam("Signed deliveries");
        var forum = fixtures.forum(jam, "Ideas");
        try (var receiver = new Receiver()) {
            var registered = register(jam, receiver, WebhookEvent.POST_CREATED);

            var idea = fixtures.idea(forum, "Reported to another system");

            var requests = receiver.next(1, WAIT);
            assertThat(requests).hasSize(1);
            var request = requests.getFirst();
            String timestamp = request.header("X-Incrowd-Timestamp");
            assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(),
                    org.assertj.core.data.Offset.offset(60L));
            assertThat(request.header("X-Incrowd-Signature"))
                    .isEqualTo(hmac(registered.secret(), timestamp + "." + request.body()));
            assertThat(request.header("Content-Type")).startsWith("application/json");
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.get("type").asString()).isEqualTo("post.created");
            assertThat(body.get("id").asString()).isNotBlank();
            assertThat(body.get("jamId").asLong()).isEqualTo(jam.id());
            assertThat(body.get("data").get("postId").asLong()).isEqualTo(idea.id());
            assertThat(body.get("data").get("url").asString()).endsWith("/posts/" + idea.id());
        }
    }

    @Test
    void aSignatureMadeWithAnotherSecretDoesNotMatch() throws Exception {
        var jam = fixtures.liveJam("Forged deliveries");
        var forum = fixtures.forum(jam, "Ideas");
        try (var receiver = new Receiver()) {
            register(jam, receiver, WebhookEvent.POST_CREATED);
            fixtures.idea(forum, "Checked by the receiver");

            var request = receiver.next(1, WAIT).getFirst();

            assertThat(request.header("X-Incrowd-Signature")).isNotEqualTo(hmac(WebhookSignature.newSecret(),
                    request.header("X-Incrowd-Timestamp") + "." + request.body()));
        }
    }

    @Test
    void aDeliveryRefusedWithAServerErrorIsRetriedAndDeliveredOnce() throws Exception {
        var jam = fixtures.liveJam("Retried deliveries");
        var forum = fixtures.forum(jam, "Ideas");
        try (var receiver = new Receiver(500)) {
            var registered = register(jam, receiver, WebhookEvent.POST_CREATED);

            fixtures.idea(forum, "Worth a second try");

            var requests = receiver.next(2, WAIT);
            assertThat(requests).hasSize(2);
            assertThat(JSON.readTree(requests.get(1).body()).get("id").asString())
                    .as("the same delivery, so the receiver can tell a repeat")
                    .isEqualTo(JSON.readTree(requests.get(0).body()).get("id").asString());
            assertThat(receiver.next(1, Duration.ofSeconds(2))).as("nothing after the 200").isEmpty();
            var deliveries = webhooks.deliveries(fixtures.organiser().asActor(), jam.id(),
                    registered.webhook().id(), 0);
            assertThat(deliveries).singleElement().satisfies(delivery -> {
                assertThat(delivery.state()).isEqualTo(Delivery.State.DELIVERED);
                assertThat(delivery.attempts()).isEqualTo(2);
                assertThat(delivery.lastStatus()).isEqualTo(200);
            });
        }
    }

    @Test
    void aFailedAttemptIsListedWithItsStatusAndTheNextAttempt() throws Exception {
        var jam = fixtures.liveJam("Failing deliveries");
        var forum = fixtures.forum(jam, "Ideas");
        try (var receiver = new Receiver(503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503)) {
            var registered = register(jam, receiver, WebhookEvent.POST_CREATED);

            fixtures.idea(forum, "Not accepted");

            assertThat(receiver.next(1, WAIT)).hasSize(1);
            var delivery = firstDeliveryOnceTried(jam, registered);
            assertThat(delivery.state()).isEqualTo(Delivery.State.WAITING);
            assertThat(delivery.nextAttemptAt()).isAfter(delivery.createdAt());
            assertThat(delivery.lastStatus()).isEqualTo(503);
            assertThat(delivery.lastError()).isEqualTo("HTTP 503");
            assertThat(delivery.attempts()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aPostReachingTenAgreeReactionsIsReportedOnce() throws Exception {
        var jam = fixtures.liveJam("Milestones");
        var forum = fixtures.forum(jam, "Ideas");
        var idea = fixtures.idea(forum, "Widely shared");
        try (var receiver = new Receiver()) {
            register(jam, receiver, WebhookEvent.REACTION_MILESTONE);

            for (int i = 1; i <= 11; i++) {
                var person = fixtures.person("Agreeing " + i, Role.PARTICIPANT);
                fixtures.join(jam, person);
                fixtures.reacting().react(person.asActor(), idea.id(), ReactionKind.AGREE);
            }

            var requests = receiver.next(1, WAIT);
            assertThat(requests).hasSize(1);
            var body = JSON.readTree(requests.getFirst().body());
            assertThat(body.get("type").asString()).isEqualTo("reaction.milestone");
            assertThat(body.get("data").get("postId").asLong()).isEqualTo(idea.id());
            assertThat(body.get("data").get("agree").asLong()).isEqualTo(10);
            assertThat(receiver.next(1, Duration.ofSeconds(2))).as("the eleventh agree is no milestone").isEmpty();
        }
    }

    @Test
    void aJamOpenedEarlyReportsItsPhaseChange() throws Exception {
        var jam = fixtures.jam("Opening soon").startsIn(Duration.ofDays(2)).create();
        try (var receiver = new Receiver()) {
            register(jam, receiver, WebhookEvent.JAM_PHASE_CHANGED, WebhookEvent.POST_CREATED);

            fixtures.jams().openNow(fixtures.organiser().asActor(), jam.id());

            var requests = receiver.next(1, WAIT);
            assertThat(requests).hasSize(1);
            var body = JSON.readTree(requests.getFirst().body());
            assertThat(body.get("type").asString()).isEqualTo("jam.phase_changed");
            assertThat(body.get("data").get("from").asString()).isEqualTo("SCHEDULED");
            assertThat(body.get("data").get("to").asString()).isEqualTo("LIVE");
        }
    }

    @Test
    void aPausedWebhookGetsNothingUntilResumed() throws Exception {
        var jam = fixtures.liveJam("Paused deliveries");
        var forum = fixtures.forum(jam, "Ideas");
        var organiser = fixtures.organiser().asActor();
        try (var receiver = new Receiver()) {
            var registered = register(jam, receiver, WebhookEvent.POST_CREATED);
            webhooks.setEnabled(organiser, jam.id(), registered.webhook().id(), false);

            fixtures.idea(forum, "While paused");
            assertThat(receiver.next(1, Duration.ofSeconds(2))).isEmpty();

            webhooks.setEnabled(organiser, jam.id(), registered.webhook().id(), true);
            fixtures.idea(forum, "After resuming");
            assertThat(receiver.next(1, WAIT)).singleElement()
                    .satisfies(r -> assertThat(r.body()).contains("post.created"));
        }
    }

    /** The sender records the outcome just after the receiver answered: wait for it. */
    Delivery firstDeliveryOnceTried(Jam jam, Webhooks.Registered registered) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            var delivery = webhooks.deliveries(fixtures.organiser().asActor(), jam.id(), registered.webhook().id(), 0)
                    .getFirst();
            if (delivery.attempts() > 0 || System.nanoTime() > deadline) {
                return delivery;
            }
            Thread.sleep(50);
        }
    }

    static String hmac(String secret, String text) throws Exception {
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        return "sha256=" + java.util.HexFormat.of().formatHex(
                mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
