package org.incrowd.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.incrowd.IncrowdApplication;
import org.incrowd.support.Fixtures;
import org.incrowd.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/** Two nodes on one PostgreSQL both send webhook deliveries, and each delivery reaches the receiver once. */
class WebhookTwoNodesIntegrationTests {

    static final int POSTS = 40;

    static ConfigurableApplicationContext node(List<String> database) {
        var args = new ArrayList<>(database);
        args.add("--server.port=0");
        args.add("--incrowd.data-dir=" + TestDatabase.freshDataFolder());
        args.add("--incrowd.webhooks.poll-ms=20"); // both nodes compete for every delivery
        return new SpringApplicationBuilder(IncrowdApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    @Test
    void twoNodesSendingTheSameOutboxDeliverEachEventOnce() throws Exception {
        assumeThat(TestDatabase.kind()).as("two nodes need a shared PostgreSQL").isEqualTo("postgres");
        var database = TestDatabase.freshPostgres().entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
        try (var nodeA = node(database); var nodeB = node(database); var receiver = new Receiver()) {
            var fixtures = Fixtures.of(nodeA);
            var jam = fixtures.liveJam("Two senders");
            var forum = fixtures.forum(jam, "Ideas");
            nodeB.getBean(Webhooks.class).register(fixtures.organiser().asActor(), jam.id(), "Both nodes",
                    receiver.url(), Set.of(WebhookEvent.POST_CREATED));

            var posted = new HashSet<Long>();
            for (int i = 0; i < POSTS; i++) {
                posted.add(fixtures.idea(forum, "Idea " + i).id());
            }

            var requests = receiver.next(POSTS, Duration.ofSeconds(60));
            assertThat(requests).hasSize(POSTS);
            var json = JsonMapper.builder().build();
            assertThat(requests.stream().map(r -> json.readTree(r.body()).get("id").asString()).distinct())
                    .hasSize(POSTS);
            assertThat(requests.stream().map(r -> json.readTree(r.body()).get("data").get("postId").asLong()))
                    .containsExactlyInAnyOrderElementsOf(posted);
            assertThat(receiver.next(1, Duration.ofSeconds(3))).as("no delivery twice").isEmpty();
        }
    }
}
