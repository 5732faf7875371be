package org.incrowd.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.incrowd.discussion.PostDraft;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.incrowd.support.SseClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live stream over real HTTP: new posts arrive as they are committed, and a browser that reconnects with
 * Last-Event-ID gets exactly what it missed, in order, once.
 */
@IncrowdBrowserTest
class LiveStreamIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    Fixtures fixtures;
    Jam jam;
    Forum forum;
    Person reader;
    Person writer;

    @BeforeEach
    void jamWithTwoPeople() {
        fixtures = Fixtures.of(context);
        jam = fixtures.liveJam("Live " + System.nanoTime());
        forum = fixtures.forum(jam, "Canteen");
        reader = fixtures.person("Reader", Role.PARTICIPANT);
        writer = fixtures.person("Writer", Role.PARTICIPANT);
        fixtures.join(jam, reader);
        fixtures.join(jam, writer);
    }

    String url(String query) {
        return "http://localhost:" + port + "/live/jams/" + jam.id() + query;
    }

    long post(String title) {
        return post(writer, title);
    }

    long post(Person author, String title) {
        return fixtures.posting().startThread(fixtures.actor(author), forum.id(), new PostDraft(title, "Body", ""))
                .id();
    }

    @Test
    void aNewIdeaReachesSomeoneWatchingTheForum() throws Exception {
        try (var stream = new SseClient(url("?forum=" + forum.id()), fixtures.token(reader), null)) {
            assertThat(stream.status()).isEqualTo(200);
            long id = post("Longer lunch");
            var events = stream.next(1, "post", WAIT);
            assertThat(events).hasSize(1);
            assertThat(events.getFirst().data()).contains("\"post\":" + id);
        }
    }

    /**
     * A stream is written to the connection underneath the session and security layers (ADR 0050), so it must still
     * have been committed through them: the browser gets the same protective headers as for any page, and a proxy is
     * told not to hold the events back.
     */
    @Test
    void aStreamComesWithTheHeadersOfEveryPageAndItsEventsAreNotCachedOrBuffered() throws Exception {
        try (var stream = new SseClient(url("?forum=" + forum.id()), fixtures.token(reader), null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            assertThat(stream.header("Cache-Control")).contains("no-cache");
            assertThat(stream.header("X-Accel-Buffering")).isEqualTo("no");
            assertThat(stream.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(stream.header("Content-Security-Policy")).contains("default-src");
            assertThat(stream.header("Content-Length")).isNull();

            long id = post("Still live after the headers");
            assertThat(stream.next(1, "post", WAIT).getFirst().data()).contains("\"post\":" + id);
        }
    }

    @Test
    void eachPageIsToldToComeBackAfterADelayOfItsOwnBetweenTwoAndSixSecondsWhenItsNodeGoesAway() throws Exception {
        var delays = new HashSet<Long>();
        for (int i = 0; i < 6; i++) {
            var person = fixtures.person("Reader " + i, Role.PARTICIPANT);
            fixtures.join(jam, person);
            try (var stream = new SseClient(url("?forum=" + forum.id()), fixtures.token(person), null)) {
                assertThat(stream.status()).isEqualTo(200);
                delays.add(stream.retryMillis(WAIT));
            }
        }

        // The pages of a node that is killed all drop at once: told the same delay, they would all come back at once.
        assertThat(delays).doesNotContainNull()
                .allSatisfy(delay -> assertThat(delay).isBetween(2_000L, 6_000L));
        assertThat(delays).hasSizeGreaterThan(1);
    }

    @Test
    void aPagesFirstConnectionGetsWhatHappenedBetweenRenderingThePageAndConnecting() throws Exception {
        long pageRenderedAt = System.currentTimeMillis();
        long id = post("Posted while the page was loading");

        try (var stream = new SseClient(url("?forum=" + forum.id() + "&since=" + pageRenderedAt), fixtures.token(reader),
                null)) {
            var events = stream.next(1, "post", WAIT);
            assertThat(events).hasSize(1);
            assertThat(events.getFirst().data()).contains("\"post\":" + id);
        }
    }

    @Test
    void reconnectingWithLastEventIdReplaysWhatWasMissedInOrderOnce() throws Exception {
        String lastSeen;
        try (var stream = new SseClient(url(""), fixtures.token(reader), null)) {
            lastSeen = eventFor(stream, post("Seen while connected")).id();
        }
        var missed = new ArrayList<Long>();
        for (int i = 0; i < 5; i++) {
            missed.add(post("Missed " + i));
        }
        try (var stream = new SseClient(url(""), fixtures.token(reader), lastSeen)) {
            var replayed = stream.next(5, "post", WAIT);
            assertThat(replayed).extracting(e -> postOf(e.data())).containsExactlyElementsOf(missed);
            assertThat(replayed).extracting(e -> Long.parseLong(e.id())).isSorted().doesNotHaveDuplicates();
            long after = post("After the reconnect");
            var next = stream.next(1, "post", WAIT);
            assertThat(next).extracting(e -> postOf(e.data())).containsExactly(after);
            assertThat(stream.next(1, "post", Duration.ofMillis(2500))).as("nothing sent twice").isEmpty();
        }
    }

    @Test
    void aBrowserThatMissedFiveThousandEventsCatchesUpWithAllOfThemAndStaysLive() throws Exception {
        String lastSeen;
        try (var stream = new SseClient(url(""), fixtures.token(reader), null)) {
            lastSeen = eventFor(stream, post("Seen before the laptop slept")).id();
        }
        // A busy Jam while the laptop sleeps: far more events than a stream's queue holds.
        var missed = new ArrayList<Long>();
        transactions.executeWithoutResult(status -> {
            for (long i = 1; i <= 5_000; i++) {
                jdbc.sql("insert into live_event (jam_id, forum_id, thread_id, type, payload, created_at) "
                                + "values (?, ?, null, 'post', ?, ?)")
                        .params(jam.id(), forum.id(), "{\"post\":" + i + "}", Timestamp.from(Instant.now()))
                        .update();
                missed.add(i);
            }
        });
        missed.add(post("After the busy hour"));
        dispatchedPast(missed.getLast());

        try (var stream = new SseClient(url(""), fixtures.token(reader), lastSeen)) {
            var replayed = stream.next(missed.size(), "post", Duration.ofSeconds(30));
            assertThat(replayed).extracting(e -> postOf(e.data())).containsExactlyElementsOf(missed);
            long after = post("Back at the desk");
            assertThat(stream.next(1, "post", WAIT)).extracting(e -> postOf(e.data())).containsExactly(after);
        }
    }

    @Test
    void browsersComingBackFromTheSamePointAtOnceEachGetExactlyWhatTheirPageMissed() throws Exception {
        var garden = fixtures.forum(jam, "Garden");
        String lastSeen;
        try (var stream = new SseClient(url(""), fixtures.token(reader), null)) {
            lastSeen = eventFor(stream, post("Seen before the node went down")).id();
        }
        // More than one page of the log (the reads are shared a page at a time), in two forums.
        var canteenMissed = new ArrayList<Long>();
        var gardenMissed = new ArrayList<Long>();
        var allMissed = new ArrayList<Long>();
        transactions.executeWithoutResult(status -> {
            for (long i = 1; i <= 1_200; i++) {
                long where = i % 3 == 0 ? garden.id() : forum.id();
                jdbc.sql("insert into live_event (jam_id, forum_id, thread_id, type, payload, created_at) "
                                + "values (?, ?, null, 'post', ?, ?)")
                        .params(jam.id(), where, "{\"post\":" + i + "}", Timestamp.from(Instant.now())).update();
                (where == forum.id() ? canteenMissed : gardenMissed).add(i);
                allMissed.add(i);
            }
        });
        long last = post("The last before the restart");
        canteenMissed.add(last);
        allMissed.add(last);
        dispatchedPast(last);

        // The node restarted: every page reconnects at once with the same Last-Event-ID.
        var pages = java.util.List.of("", "?forum=" + forum.id(), "?forum=" + garden.id(), "", "?forum=" + forum.id());
        var expected = java.util.List.of(allMissed, canteenMissed, gardenMissed, allMissed, canteenMissed);
        var streams = pages.stream().map(query -> CompletableFuture.supplyAsync(() -> {
            try {
                return new SseClient(url(query), fixtures.token(reader), lastSeen);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toList();
        try {
            for (int i = 0; i < pages.size(); i++) {
                var stream = streams.get(i).get();
                var replayed = stream.next(expected.get(i).size(), "post", Duration.ofSeconds(30));
                assertThat(replayed).as(pages.get(i)).extracting(e -> postOf(e.data()))
                        .containsExactlyElementsOf(expected.get(i));
            }
            long after = post("Back up");
            for (int i = 0; i < pages.size(); i++) {
                boolean gardenPage = expected.get(i) == gardenMissed;
                var next = streams.get(i).get().next(1, "post", gardenPage ? Duration.ofMillis(1500) : WAIT);
                if (gardenPage) {
                    assertThat(next).as("another forum's post").isEmpty();
                } else {
                    assertThat(next).as(pages.get(i)).extracting(e -> postOf(e.data())).containsExactly(after);
                }
            }
        } finally {
            for (var stream : streams) {
                stream.get().close();
            }
        }
    }

    /** Waits until the dispatcher has handed out the given post: a reader of another Jam hears of one posted after. */
    private void dispatchedPast(long postId) throws Exception {
        var elsewhere = fixtures.liveJam("Elsewhere " + System.nanoTime());
        var elsewhereForum = fixtures.forum(elsewhere, "Elsewhere");
        fixtures.join(elsewhere, writer);
        try (var watcher = new SseClient("http://localhost:" + port + "/live/jams/" + elsewhere.id(),
                fixtures.token(writer), null)) {
            long marker = fixtures.idea(elsewhereForum, writer, "Marker", "Posted after " + postId).id();
            assertThat(watcher.next(1, "post", WAIT)).extracting(e -> postOf(e.data())).containsExactly(marker);
        }
    }

    @Test
    void anEventWhoseTransactionCommitsLateIsStillDeliveredInOrder() throws Exception {
        try (var stream = new SseClient(url(""), fixtures.token(reader), null)) {
            var appended = new CountDownLatch(1);
            var commit = new CountDownLatch(1);
            var late = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
                long id = post("Written first, committed last");
                appended.countDown();
                try {
                    commit.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return id;
            }));
            appended.await();
            long onTime;
            try {
                // Another author: the writer's own pace row stays locked by the open transaction until it commits.
                onTime = post(reader, "Committed at once");
                Thread.sleep(6_000); // longer than the 5 s after which a missing id used to be taken for a rollback
            } finally {
                commit.countDown(); // never leave the late transaction open: it would hold back every later event
            }
            long slow = late.get();

            var posts = stream.next(2, "post", WAIT);
            assertThat(posts).extracting(event -> postOf(event.data())).containsExactly(slow, onTime);
        }
    }

    @Test
    void aBrowserThatMissedMoreThanTheLogKeepsIsToldToRefresh() throws Exception {
        post("Old news");
        long oldest = jdbc.sql("select max(id) from live_event").query(Long.class).single();
        post("Newer news");
        jdbc.sql("delete from live_event where id <= ?").param(oldest).update();
        try (var stream = new SseClient(url(""), fixtures.token(reader), Long.toString(oldest - 1))) {
            var event = stream.next(WAIT);
            assertThat(event).isNotNull();
            assertThat(event.type()).isEqualTo("refresh");
        }
    }

    @Test
    void aThreadStreamCarriesOnlyThatThread() throws Exception {
        long idea = post("Watched");
        long other = post("Not watched");
        try (var stream = new SseClient(url("?thread=" + idea), fixtures.token(reader), null)) {
            var elsewhere = fixtures.reply(fixtures.reading().require(fixtures.actor(writer), other), writer,
                    "elsewhere");
            var reply = fixtures.reply(fixtures.reading().require(fixtures.actor(writer), idea), writer, "here");
            // The watched idea's own event may come first: on a loaded machine it can be sent after the stream opened.
            var carried = eventsUntil(stream, reply.id()).stream().map(event -> postOf(event.data())).toList();
            assertThat(carried).as("posts the thread's stream carried").doesNotContain(other, elsewhere.id())
                    .isSubsetOf(idea, reply.id());
        }
    }

    @Test
    void aReplyReachesTheJamPageItsForumPageAndItsThreadPageButNoOtherThreadOrForum() throws Exception {
        long idea = post("Watched");
        long other = post("Not watched");
        var garden = fixtures.forum(jam, "Garden");
        String token = fixtures.token(reader);
        try (var jamPage = new SseClient(url(""), token, null);
             var forumPage = new SseClient(url("?forum=" + forum.id()), token, null);
             var otherForumPage = new SseClient(url("?forum=" + garden.id()), token, null);
             var threadPage = new SseClient(url("?thread=" + idea), token, null);
             var otherThreadPage = new SseClient(url("?thread=" + other), token, null)) {
            var reply = fixtures.reply(fixtures.reading().require(fixtures.actor(writer), idea), writer, "here");
            for (var page : java.util.List.of(jamPage, forumPage, threadPage)) {
                assertThat(page.next(1, "post", WAIT)).extracting(e -> postOf(e.data())).containsExactly(reply.id());
            }
            assertThat(otherForumPage.next(1, "post", Duration.ofMillis(1500))).isEmpty();
            assertThat(otherThreadPage.next(1, "post", Duration.ofMillis(500))).isEmpty();
        }
    }

    @Test
    void aPageThatNamesTheEventsItListensToGetsNoOthers() throws Exception {
        long idea = post("Watched");
        String token = fixtures.token(reader);
        try (var everything = new SseClient(url(""), token, null);
             var postsOnly = new SseClient(url("?on=post,announcement"), token, null)) {
            fixtures.reacting().react(fixtures.actor(writer), idea, ReactionKind.AGREE);
            assertThat(everything.next(1, "tally", WAIT)).as("the tally, to a page that asked for everything")
                    .hasSize(1);
            var reply = fixtures.reply(fixtures.reading().require(fixtures.actor(writer), idea), writer, "here");
            var carried = new ArrayList<SseClient.Event>(); // every event, of any type, up to the reply's
            while (carried.isEmpty() || !carried.getLast().type().equals("post")
                    || postOf(carried.getLast().data()) != reply.id()) {
                var event = postsOnly.next(WAIT);
                assertThat(event).as("the reply's event, after %s", carried).isNotNull();
                carried.add(event);
            }
            // a presence count steers the stream and comes to every page
            assertThat(carried).extracting(SseClient.Event::type).contains("post").isSubsetOf("post", "presence");
        }
    }

    @Test
    void anEventNameTheNodeDoesNotKnowIsLeftOutAndNamedSoThatThePageKeepsItsStream() throws Exception {
        long idea = post("Watched");
        try (var stream = new SseClient(url("?on=post,votes"), fixtures.token(reader), null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("X-Incrowd-Unknown-Events")).isEqualTo("votes");
            var reply = fixtures.reply(fixtures.reading().require(fixtures.actor(writer), idea), writer, "here");
            eventsUntil(stream, reply.id()); // the idea's own event may come first
        }
    }

    @Test
    void aMalformedLastEventIdIsRefusedWithAReason() throws Exception {
        try (var stream = new SseClient(url(""), fixtures.token(reader), "yesterday")) {
            assertThat(stream.status()).isEqualTo(422);
        }
    }

    @Test
    void someoneWhoMayNotSeeTheJamGetsNoStream() throws Exception {
        var secret = fixtures.jam("Secret " + System.nanoTime()).invitationOnly("nobody@example.org").create();
        try (var stream = new SseClient("http://localhost:" + port + "/live/jams/" + secret.id(),
                fixtures.token(reader), null)) {
            assertThat(stream.status()).isEqualTo(404);
        }
    }

    @Test
    void aThreadOfAJamTheReaderMayNotSeeIsRefusedAndNobodyThereCountsThem() throws Exception {
        var secret = fixtures.jam("Secret " + System.nanoTime()).invitationOnly("insider@example.org").create();
        var secretForum = fixtures.forum(secret, "Board room");
        var secretIdea = fixtures.idea(secretForum, fixtures.organiser(), "Merger", "Not for everyone");
        try (var stream = new SseClient(url("?thread=" + secretIdea.id()), fixtures.token(reader), null)) {
            assertThat(stream.status()).isEqualTo(404);
            assertThat(stream.text()).contains("There is no such thread");
        }
    }

    @Test
    void aThreadOfAnotherJamIsRefused() throws Exception {
        var other = fixtures.liveJam("Other " + System.nanoTime());
        var otherForum = fixtures.forum(other, "Elsewhere");
        fixtures.join(other, writer);
        var otherIdea = fixtures.idea(otherForum, writer, "Elsewhere", "In another Jam");
        try (var stream = new SseClient(url("?thread=" + otherIdea.id()), fixtures.token(reader), null)) {
            assertThat(stream.status()).isEqualTo(404);
        }
    }

    @Test
    void aReplyIsNotAThreadToWatch() throws Exception {
        long idea = post("Watched");
        var reply = fixtures.reply(fixtures.reading().require(fixtures.actor(writer), idea), writer, "a reply");
        try (var stream = new SseClient(url("?thread=" + reply.id()), fixtures.token(reader), null)) {
            assertThat(stream.status()).isEqualTo(404);
        }
    }

    @Test
    void oneAccountCannotHoldMoreThanAFewStreamsAndIsToldWhy() throws Exception {
        var streams = new ArrayList<SseClient>();
        try {
            for (int tab = 0; tab < 32; tab++) {
                var stream = new SseClient(url(""), fixtures.token(reader), null);
                assertThat(stream.status()).as("tab %d", tab).isEqualTo(200);
                streams.add(stream);
            }
            try (var oneTooMany = new SseClient(url(""), fixtures.token(reader), null)) {
                assertThat(oneTooMany.status()).isEqualTo(429);
                assertThat(oneTooMany.text()).contains("You already have 32 live pages open");
            }
            try (var someoneElse = new SseClient(url(""), fixtures.token(writer), null)) {
                assertThat(someoneElse.status()).isEqualTo(200);
            }
        } finally {
            for (var stream : streams) {
                stream.close();
            }
        }
    }

    /**
     * The stream's event for this post. Events of posts written before the stream opened are skipped: on a loaded
     * machine the dispatcher may send them after it opened.
     */
    static SseClient.Event eventFor(SseClient stream, long post) throws InterruptedException {
        return eventsUntil(stream, post).getLast();
    }

    /** The stream's post events up to and including this post's; fails if that one does not come. */
    static List<SseClient.Event> eventsUntil(SseClient stream, long post) throws InterruptedException {
        var carried = new ArrayList<SseClient.Event>();
        while (carried.isEmpty() || postOf(carried.getLast().data()) != post) {
            var events = stream.next(1, "post", WAIT);
            assertThat(events).as("the event of post %s, after %s", post, carried).isNotEmpty();
            carried.add(events.getFirst());
        }
        return carried;
    }

    static long postOf(String data) {
        var matcher = java.util.regex.Pattern.compile("\"post\":(\\d+)").matcher(data);
        assertThat(matcher.find()).as(data).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
