package org.incrowd.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.incrowd.IncrowdApplication;
import org.incrowd.discussion.PostDraft;
import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.SseClient;
import org.incrowd.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Incrowd nodes against one real PostgreSQL, as in production behind a load balancer: a post written on node A
 * reaches a reader connected to node B (woken by NOTIFY), and when node B goes away the reader reconnects to node A
 * and gets exactly what it missed.
 */
class TwoNodesIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(15);

    static ConfigurableApplicationContext node(List<String> database) {
        var args = new ArrayList<>(database);
        args.add("--server.port=0");
        args.add("--incrowd.data-dir=" + TestDatabase.freshDataFolder()); // each node its own search index, as in production
        return new SpringApplicationBuilder(IncrowdApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    static String url(ConfigurableApplicationContext node, long jamId) {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        return "http://localhost:" + port + "/live/jams/" + jamId;
    }

    @Test
    void aPostOnOneNodeReachesAReaderOnTheOtherAndSurvivesTheNodeGoingAway() throws Exception {
        assumeThat(TestDatabase.kind()).as("two nodes need a shared PostgreSQL").isEqualTo("postgres");
        var database = TestDatabase.freshPostgres().entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
        try (var nodeA = node(database)) {
            var nodeB = node(database);
            var fixtures = Fixtures.of(nodeA);
            var jam = fixtures.liveJam("Two nodes");
            var forum = fixtures.forum(jam, "Everywhere");
            var reader = fixtures.person("Reader", Role.PARTICIPANT);
            var writer = fixtures.person("Writer", Role.PARTICIPANT);
            fixtures.join(jam, writer);
            String token = fixtures.token(reader);

            String lastSeen;
            try (var onB = new SseClient(url(nodeB, jam.id()), token, null)) {
                assertThat(onB.status()).isEqualTo(200);
                long first = post(fixtures, writer, forum.id(), "Written on node A");
                var events = onB.next(1, "post", WAIT);
                assertThat(events).extracting(e -> postOf(e.data())).containsExactly(first);
                lastSeen = events.getFirst().id();
                // Presence counts people (ADR 53): the writer's page on node A and the reader's on node B are two.
                try (var alsoOnA = new SseClient(url(nodeA, jam.id()), fixtures.token(writer), null)) {
                    assertThat(heardPresence(alsoOnA, 2)).as("a person on each node: two here").isTrue();
                }
            }
            nodeB.close();

            var missed = new ArrayList<Long>();
            for (int i = 0; i < 3; i++) {
                missed.add(post(fixtures, writer, forum.id(), "While node B was gone " + i));
            }
            try (var onA = new SseClient(url(nodeA, jam.id()), token, lastSeen)) {
                var replayed = onA.next(3, "post", WAIT);
                assertThat(replayed).extracting(e -> postOf(e.data())).containsExactlyElementsOf(missed);
                assertThat(onA.next(1, "post", Duration.ofSeconds(3))).as("no duplicate").isEmpty();
            }
        }
    }

    /** Whether a presence event saying {@code here} arrives in time (earlier counts may come first). */
    static boolean heardPresence(SseClient stream, int here) throws InterruptedException {
        return heardPresence(stream, here, WAIT);
    }

    /** Whether a presence event saying {@code here} arrives within {@code wait} (earlier counts may come first). */
    static boolean heardPresence(SseClient stream, int here, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            var events = stream.next(1, "presence", Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (!events.isEmpty() && events.getFirst().data().equals("{\"here\":" + here + "}")) {
                return true;
            }
        }
        return false;
    }

    static long post(Fixtures fixtures, org.incrowd.identity.Person writer, long forumId, String title) {
        return fixtures.posting().startThread(fixtures.actor(writer), forumId, new PostDraft(title, "Body", ""))
                .id();
    }

    static long postOf(String data) {
        var matcher = Pattern.compile("\"post\":(\\d+)").matcher(data);
        assertThat(matcher.find()).as(data).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
