package org.incrowd.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Role;
import org.incrowd.support.Chromium;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A page that listens to few events still comes back from a recent point (ADR 50, "What a stream carries"): the
 * keep-alive's {@code id:} line, which carries no event, moves a real browser's last event id, and the browser sends it
 * when it reconnects.
 */
@IncrowdBrowserTest
class KeepAlivePositionBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext application;
    @Autowired
    LiveHub hub;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aJamPageThatHeardNoEventComesBackAfterADropFromTheKeepAlivesPosition() {
        var fixtures = Fixtures.of(application);
        var jam = fixtures.liveJam("Quiet page " + System.nanoTime());
        var forum = fixtures.forum(jam, "Loading bays");
        var reader = fixtures.person("Rita Reader", Role.PARTICIPANT);
        var voter = fixtures.person("Vic Voter", Role.PARTICIPANT);
        fixtures.join(jam, reader);
        fixtures.join(jam, voter);
        var idea = fixtures.idea(forum, voter, "Shade over bay three", "It gets hot in the afternoon.");
        String stream = "/live/jams/" + jam.id();
        try (var browser = Chromium.shared().personalBrowser()) {
            List<Request> asked = new CopyOnWriteArrayList<>();
            browser.onRequest(request -> {
                if (request.url().contains(stream + "?") || request.url().endsWith(stream)) {
                    asked.add(request);
                }
            });
            var page = Chromium.open(browser, port, reader.email(), "/jams/" + jam.id());
            waitUntil(page, () -> hub.connected() > 0 && asked.size() == 1);

            // A vote makes a tally, which the Jam page does not listen to: the page is written nothing with an id
            fixtures.reacting().react(fixtures.actor(voter), idea.id(), ReactionKind.AGREE);
            waitUntil(page, () -> latestTally(jam.id()) > 0 && hub.dispatchedUpTo() >= latestTally(jam.id()));
            long tally = latestTally(jam.id());
            // Two sweeps, as on a node 15 s apart: the first finds the page's own first event written since the last
            // one (its id is the page's position then), the second writes the position the log has reached
            hub.keepAlive();
            page.waitForTimeout(300); // a sweep runs on the writers' threads
            hub.keepAlive();
            page.waitForTimeout(500);

            // The node's streams end, as when it restarts; the browser comes back by itself
            hub.stop();
            hub.start();
            waitUntil(page, () -> asked.size() == 2);
            String lastEventId = asked.get(1).allHeaders().get("last-event-id");
            assertThat(lastEventId).as("Last-Event-ID of the page's return").isNotNull();
            assertThat(Long.parseLong(lastEventId)).isGreaterThanOrEqualTo(tally);
        }
    }

    private long latestTally(long jamId) {
        return jdbc.sql("select coalesce(max(id), 0) from live_event where jam_id = ? and type = 'tally'")
                .param(jamId).query(Long.class).single();
    }

    /** Lets the browser work (its events are only handled while it is asked something) until the condition holds. */
    private static void waitUntil(Page page, java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 150 && !condition.getAsBoolean(); i++) {
            page.waitForTimeout(100);
        }
        assertThat(condition.getAsBoolean()).as("within 15 s").isTrue();
    }
}
