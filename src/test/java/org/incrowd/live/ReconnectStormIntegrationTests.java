package org.incrowd.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incrowd.live.LiveStreamIntegrationTests.postOf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.incrowd.discussion.Post;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.incrowd.support.SseClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node restarts under a Jam's traffic: every open page reconnects at once, each with the id of the last event it
 * had, while people keep posting. Each page must get every post after its id that it shows, once, in order.
 */
@IncrowdBrowserTest
class ReconnectStormIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Duration RETRY = Duration.ofMillis(200);
    static final int PAGES = 36;
    static final int AUTHORS = 6;
    static final int POSTS_EACH = 8;
    static final int READERS = 4;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    /** A page as the browser opened it: its query and what it shows of the log. */
    record Page(String query, Long forumId, Long threadId) {

        boolean shows(long forum, long thread) {
            return (forumId == null || forumId == forum) && (threadId == null || threadId == thread);
        }
    }

    /** A post event of the log: its id, the post, where it is. */
    record Logged(long id, long post, long forum, long thread) {
    }

    @Test
    void pagesComingBackFromDifferentPointsWhilePeoplePostEachGetEveryPostAfterTheirIdOnceAndInOrder()
            throws Exception {
        var fixtures = Fixtures.of(context);
        Jam jam = fixtures.liveJam("Storm " + System.nanoTime());
        Forum canteen = fixtures.forum(jam, "Canteen");
        Forum garden = fixtures.forum(jam, "Garden");
        // Several readers: one account holds only a few streams at once.
        var readers = new ArrayList<String>();
        for (int i = 0; i < READERS; i++) {
            Person reader = fixtures.person("Reader " + i, Role.PARTICIPANT);
            fixtures.join(jam, reader);
            readers.add(fixtures.token(reader));
        }
        var authors = new ArrayList<Person>();
        for (int i = 0; i < AUTHORS; i++) {
            var author = fixtures.person("Author " + i, Role.PARTICIPANT);
            fixtures.join(jam, author);
            authors.add(author);
        }
        Post watched = fixtures.idea(canteen, authors.getFirst(), "Watched", "Read by many");
        // What the pages had seen before the node went down: a few posts, so that they come back from different ids.
        for (int i = 0; i < 6; i++) {
            write(fixtures, authors.get(i % AUTHORS), i, canteen, garden, watched);
        }
        var before = logged(jam);
        var pages = List.of(new Page("", null, null), new Page("?forum=" + canteen.id(), canteen.id(), null),
                new Page("?forum=" + garden.id(), garden.id(), null),
                new Page("?thread=" + watched.id(), canteen.id(), watched.id()));

        // Everyone posts while every page reconnects at once, each from its own point of the log.
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var writing = new ArrayList<CompletableFuture<Void>>();
            for (int a = 0; a < AUTHORS; a++) {
                var author = authors.get(a);
                writing.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < POSTS_EACH; i++) {
                        write(fixtures, author, i, canteen, garden, watched);
                    }
                }, threads));
            }
            var streams = new ArrayList<CompletableFuture<BrowserStream>>();
            for (int i = 0; i < PAGES; i++) {
                var page = pages.get(i % pages.size());
                long lastEventId = before.get(i % before.size()).id();
                String token = readers.get(i % READERS);
                streams.add(CompletableFuture.supplyAsync(() -> open(jam, page, token, lastEventId), threads));
            }
            CompletableFuture.allOf(writing.toArray(CompletableFuture[]::new)).get();
            // A last post in each place, so that every page knows when it has everything.
            write(fixtures, authors.getFirst(), 99, canteen, garden, watched);
            write(fixtures, authors.get(1), 100, canteen, garden, watched);
            var log = logged(jam);
            try {
                for (int i = 0; i < PAGES; i++) {
                    var page = pages.get(i % pages.size());
                    long lastEventId = before.get(i % before.size()).id();
                    var expected = log.stream().filter(e -> e.id() > lastEventId && page.shows(e.forum(), e.thread()))
                            .map(Logged::post).toList();
                    var received = streams.get(i).get().posts(expected.size(), WAIT);
                    assertThat(received).as("page %s back from event %d", page.query(), lastEventId)
                            .containsExactlyElementsOf(expected);
                }
            } finally {
                for (var stream : streams) {
                    stream.get().close();
                }
            }
        }
    }

    /** An idea in one of the two forums or a reply in the watched thread, taking turns. */
    private static void write(Fixtures fixtures, Person author, int turn, Forum canteen, Forum garden, Post watched) {
        switch (turn % 3) {
            case 0 -> fixtures.idea(canteen, author, "Canteen " + turn, "Idea");
            case 1 -> fixtures.idea(garden, author, "Garden " + turn, "Idea");
            default -> fixtures.reply(watched, author, "Reply " + turn);
        }
    }

    private BrowserStream open(Jam jam, Page page, String token, long lastEventId) {
        try {
            return new BrowserStream("http://localhost:" + port + "/live/jams/" + jam.id() + page.query(), token,
                    Long.toString(lastEventId));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A page's EventSource: when the server ends the stream it comes back with the id of the last event it had; an
     * error status makes it give up for good, and the page is no longer live.
     */
    static final class BrowserStream implements AutoCloseable {

        private final String url;
        private final String token;
        private String lastEventId;
        private SseClient connection;

        BrowserStream(String url, String token, String lastEventId) throws Exception {
            this.url = url;
            this.token = token;
            this.lastEventId = lastEventId;
            this.connection = new SseClient(url, token, lastEventId);
        }

        /** The posts this page is told of, once {@code count} have come or the time is up. */
        List<Long> posts(int count, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            var posts = new ArrayList<Long>();
            while (posts.size() < count && System.nanoTime() < deadline) {
                var event = connection.next(Duration.ofMillis(100));
                if (event != null) {
                    lastEventId = event.id() != null ? event.id() : lastEventId;
                    if (event.type().equals("post")) {
                        posts.add(postOf(event.data()));
                    }
                } else if (connection.ended() && connection.status() == 200) {
                    connection.close();
                    Thread.sleep(RETRY.toMillis()); // the server's `retry`, shortened for the test
                    connection = new SseClient(url, token, lastEventId);
                }
            }
            return posts;
        }

        @Override
        public void close() throws Exception {
            connection.close();
        }
    }

    private List<Logged> logged(Jam jam) {
        return jdbc.sql("select id, payload, forum_id, thread_id from live_event where jam_id = ? and type = 'post' "
                        + "order by id")
                .param(jam.id())
                .query((rs, row) -> new Logged(rs.getLong(1), postOf(rs.getString(2)), rs.getLong(3), rs.getLong(4)))
                .list();
    }
}
