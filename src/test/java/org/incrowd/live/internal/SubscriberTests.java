package org.incrowd.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.incrowd.live.LiveEvent;
import org.incrowd.shared.LiveEventType;
import org.junit.jupiter.api.Test;

/**
 * A stream's writes never wait (ADR 50, "Writing without waiting"): a reader whose connection stops taking bytes holds
 * up nobody, is cut off once its queue is full, and a reader that takes them again gets what queued up in one write.
 */
class SubscriberTests {

    private static final long JAM = 7;

    /** A connection that takes bytes at once until told to stall, and records what it was given. */
    static final class Connection implements StreamOutput {

        final List<String> writes = new ArrayList<>();
        boolean stalled;
        boolean ended;

        @Override
        public boolean write(byte[] bytes) {
            writes.add(new String(bytes, StandardCharsets.UTF_8));
            return !stalled;
        }

        @Override
        public void end() {
            ended = true;
        }
    }

    private static Frame post(long id) {
        return Frame.of(new LiveEvent(id, JAM, null, null, LiveEventType.POST.wireName(), "{\"post\":" + id + "}"));
    }

    private static Subscriber live(Connection connection) {
        var stream = new Subscriber(JAM, null, null, 1, connection);
        stream.writable(); // caught up: live events from here on
        return stream;
    }

    @Test
    void aReaderThatStopsTakingBytesIsCutOffOnceItsQueueIsFullAndNothingWaitsForIt() {
        var connection = new Connection();
        var stream = live(connection);
        connection.stalled = true;
        assertThat(stream.offer(post(1))).isTrue(); // handed over, still going out
        for (long id = 2; id <= Subscriber.QUEUE + 1; id++) {
            assertThat(stream.offer(post(id))).isTrue(); // waits in the queue; no write is tried meanwhile
        }
        assertThat(connection.writes).hasSize(1);
        assertThat(stream.offer(post(Subscriber.QUEUE + 2))).isFalse();
        assertThat(stream.closed()).isTrue();
        assertThat(connection.ended).isTrue();
    }

    @Test
    void whatQueuedUpWhileTheConnectionWasBusyGoesOutInOneWriteInOrderWhenItCanTakeMore() {
        var connection = new Connection();
        var stream = live(connection);
        connection.stalled = true;
        stream.offer(post(1));
        stream.offer(post(2));
        stream.offer(post(3));
        connection.stalled = false;
        stream.writable(); // the container: the first write has gone out
        assertThat(connection.writes).hasSize(2);
        assertThat(connection.writes.get(1)).containsSubsequence("\"post\":2", "\"post\":3");
        assertThat(stream.closed()).isFalse();
    }

    @Test
    void aStreamEndsOnlyOnceTheEventThatEndsItHasGoneOut() {
        var connection = new Connection();
        var stream = live(connection);
        connection.stalled = true;
        stream.offer(post(1));
        stream.refresh(); // the log no longer reaches back far enough: the page must reload
        assertThat(connection.ended).isFalse();
        connection.stalled = false;
        stream.writable();
        assertThat(connection.writes.getLast()).contains("event:" + LiveEventType.REFRESH.wireName());
        assertThat(connection.ended).isTrue();
    }

    @Test
    void anEventReachingTheStreamTwiceGoesOutOnceAndAnotherPlacesEventNotAtAll() {
        var connection = new Connection();
        var stream = new Subscriber(JAM, 3L, null, 1, connection);
        stream.writable();
        stream.offer(post(1));
        stream.offer(post(1)); // replayed, then dispatched
        stream.offer(Frame.of(new LiveEvent(2, JAM, 4L, null, LiveEventType.POST.wireName(), "{\"post\":2}")));
        assertThat(connection.writes).hasSize(1);
    }

    @Test
    void aQuietStreamGetsAKeepAliveAndABusyOneDoesNot() {
        var quiet = new Connection();
        var busy = new Connection();
        var quietStream = live(quiet);
        var busyStream = live(busy);
        quietStream.keepAlive(0); // the first sweep after the streams opened, nothing handed out yet
        busyStream.keepAlive(0);
        busyStream.offer(post(1));
        quietStream.keepAlive(0);
        busyStream.keepAlive(1);
        assertThat(quiet.writes).containsExactly(":keep-alive\n\n", ":keep-alive\n\n");
        assertThat(busy.writes).hasSize(2); // the first sweep's keep-alive, then the post: no keep-alive after it
        assertThat(busy.writes.getLast()).contains("\"post\":1");
    }

    @Test
    void aPageThatNamedItsEventsGetsOnlyThoseAndTheOnesThatSteerTheStream() {
        var connection = new Connection();
        var stream = new Subscriber(JAM, null, null, 1, java.util.Set.of(LiveEventType.POST.wireName()), connection);
        stream.writable();
        stream.offer(Frame.of(new LiveEvent(1, JAM, 3L, 9L, LiveEventType.TALLY.wireName(), "{\"thread\":9}")));
        stream.offer(post(2));
        stream.offer(Frame.of(new LiveEvent(3, JAM, null, null, LiveEventType.THEMES.wireName(), "{}")));
        stream.offer(Frame.of(new LiveEvent(4, JAM, null, null, LiveEventType.REMOVED.wireName(),
                Subscriber.personalPayload(1))));
        assertThat(String.join("", connection.writes))
                .doesNotContain("event:tally", "event:themes")
                .containsSubsequence("event:post", "event:removed");
    }

    @Test
    void aKeepAliveCarriesHowFarTheLogWasHandedOutSoThatAQuietPageComesBackFromThere() {
        var connection = new Connection();
        var stream = new Subscriber(JAM, null, null, 1, java.util.Set.of(LiveEventType.POST.wireName()), connection);
        stream.startAfter(5);
        stream.writable();
        stream.keepAlive(3); // its writer lags behind where the stream started: the stream's own point counts
        stream.offer(Frame.of(new LiveEvent(8, JAM, 3L, 9L, LiveEventType.TALLY.wireName(), "{\"thread\":9}")));
        stream.keepAlive(8); // not this page's event, but the page is past it
        assertThat(connection.writes).containsExactly("id:5\n\n", "id:8\n\n");
    }

    @Test
    void aPresenceCountDoesNotKeepTheLogsPositionFromAPageThatHearsNothingElse() {
        var connection = new Connection();
        var stream = new Subscriber(JAM, null, null, 1, java.util.Set.of(LiveEventType.REVIEWED.wireName()),
                connection);
        stream.startAfter(5);
        stream.writable();
        stream.presence(Frame.of(new LiveEvent(0, 0, null, null, LiveEventType.PRESENCE.wireName(), "{\"here\":3}")));
        stream.keepAlive(12); // the count went out since the last sweep, but no id did
        assertThat(connection.writes.getLast()).isEqualTo("id:12\n\n");
        stream.offer(Frame.of(new LiveEvent(13, JAM, null, null, LiveEventType.REVIEWED.wireName(), "{}")));
        stream.keepAlive(13); // an event with its id went out: nothing more to say
        assertThat(connection.writes).hasSize(3);
    }

    @Test
    void noPositionIsSentPastEventsStillWaitingToGoOut() {
        var connection = new Connection();
        var stream = live(connection);
        connection.stalled = true;
        stream.offer(post(1)); // going out
        stream.offer(post(2)); // waits in the queue
        stream.keepAlive(2);
        assertThat(connection.writes).hasSize(1); // the first post only: no line saying the page is past the second
        assertThat(connection.writes.getFirst()).contains("\"post\":1");
    }
}
