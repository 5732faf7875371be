package org.incrowd.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.incrowd.identity.Role;
import org.incrowd.notify.NotificationKind;
import org.incrowd.notify.internal.Inbox;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.incrowd.support.SseClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The bell's live events: a notification reaches only its recipient's streams (on the pages of any Jam); a Jam-wide
 * fan-out sends one event that every page of that Jam hears.
 */
@IncrowdBrowserTest
class BellEventsIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Inbox inbox;

    @Test
    void aNotificationRingsOnlyItsRecipientsBellAndAFanOutRingsEveryMembersBell() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Bell events");
        var elsewhere = fixtures.liveJam("Another Jam");
        var recipient = fixtures.person("Rita Recipient", Role.PARTICIPANT);
        var neighbour = fixtures.person("Ned Neighbour", Role.PARTICIPANT);
        for (var person : List.of(recipient, neighbour)) {
            fixtures.join(jam, person);
            fixtures.join(elsewhere, person);
        }
        String base = "http://localhost:" + port + "/live/jams/";
        try (var recipientsPage = new SseClient(base + elsewhere.id(), fixtures.token(recipient), null);
             var neighboursPage = new SseClient(base + jam.id(), fixtures.token(neighbour), null)) {

            inbox.deliver(NotificationKind.REPLY, List.of(recipient.id()), jam.id(), "/jams/" + jam.id(),
                    Map.of("actor", "Ben"));
            inbox.deliverToJamMembers(NotificationKind.JAM_OPENED, jam.id(), "/jams/" + jam.id(), Map.of());
            inbox.deliver(NotificationKind.MENTION, List.of(recipient.id(), neighbour.id()), jam.id(),
                    "/jams/" + jam.id(), Map.of("actor", "Cy"));

            // Rita reads another Jam: her own notifications still reach her bell there; the fan-out, in between, not.
            assertThat(recipientsPage.next(2, "notification", WAIT)).extracting(SseClient.Event::data)
                    .containsExactly("{\"person\":" + recipient.id() + "}", "{\"person\":" + recipient.id() + "}");
            // Ned hears nothing of Rita's first notification: the fan-out comes first, then his own mention.
            assertThat(neighboursPage.next(2, "notification", WAIT)).extracting(SseClient.Event::data)
                    .containsExactly("{}", "{\"person\":" + neighbour.id() + "}");
        }
    }
}
