package org.incrowd.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incrowd.live.TwoNodesIntegrationTests.heardPresence;
import static org.incrowd.live.TwoNodesIntegrationTests.node;

import java.time.Duration;
import java.util.List;
import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.SseClient;
import org.incrowd.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * "N people here now" counts people, not open pages (ADR 53): one person with three tabs on one node and one on
 * another is one person here; a second person makes two; when the second closes their page, it is one again.
 */
class PresencePerPersonIntegrationTests {

    /**
     * A closed page is noticed when a write to its stream fails: the keep-alive comes every 2 s in tests
     * (incrowd.live.keep-alive-seconds) and the first write
     * after the peer closed usually still succeeds, so within two of them, and the count follows within a second.
     */
    private static final Duration AFTER_KEEP_ALIVES = Duration.ofSeconds(15);

    @Test
    void aPersonWithTabsOnTwoNodesIsOnePersonHere() throws Exception {
        var database = TestDatabase.freshShared().entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
        try (var nodeA = node(database); var nodeB = node(database)) {
            var fixtures = Fixtures.of(nodeA);
            var jam = fixtures.liveJam("People, not tabs");
            var ana = fixtures.person("Ana", Role.PARTICIPANT);
            var ben = fixtures.person("Ben", Role.PARTICIPANT);
            fixtures.join(jam, ana);
            fixtures.join(jam, ben);
            String anasToken = fixtures.token(ana);

            try (var tab1 = stream(nodeA, jam.id(), anasToken); var tab2 = stream(nodeA, jam.id(), anasToken);
                 var tab3 = stream(nodeA, jam.id(), anasToken); var tab4 = stream(nodeB, jam.id(), anasToken)) {
                for (var tab : List.of(tab1, tab2, tab3, tab4)) {
                    assertThat(tab.status()).isEqualTo(200);
                }
                assertThat(heardPresence(tab4, 1)).as("four tabs, one person").isTrue();
                assertThat(heardPresence(tab1, 1)).as("the same on the other node").isTrue();

                try (var bensPage = stream(nodeB, jam.id(), fixtures.token(ben))) {
                    assertThat(heardPresence(tab1, 2)).as("a second person").isTrue();
                    assertThat(heardPresence(bensPage, 2)).isTrue();
                }
                assertThat(heardPresence(tab1, 1, AFTER_KEEP_ALIVES)).as("the second person left").isTrue();
            }
        }
    }

    private static SseClient stream(ConfigurableApplicationContext node, long jamId, String token) throws Exception {
        return new SseClient(TwoNodesIntegrationTests.url(node, jamId), token, null);
    }
}
