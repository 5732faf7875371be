package org.incrowd.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.incrowd.discussion.Post;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.incrowd.support.SseClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Reaction tallies are coalesced: a burst of votes on a thread reaches its readers as one event a second. */
@IncrowdBrowserTest
class TallyIntegrationTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern IDS = Pattern.compile("\"posts\":\\[([0-9,]*)]");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Tallies tallies;

    @Test
    void fiftyReactionsOnOneThreadReachItsReadersAsOneOrTwoTallies() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Tallies " + System.nanoTime());
        var forum = fixtures.forum(jam, "Votes");
        var voters = new ArrayList<Person>();
        for (int i = 0; i < 5; i++) {
            var voter = fixtures.person("Voter " + i, Role.PARTICIPANT);
            fixtures.join(jam, voter);
            voters.add(voter);
        }
        var reader = fixtures.person("Reader", Role.PARTICIPANT);
        fixtures.join(jam, reader);
        var idea = fixtures.idea(forum, voters.getFirst(), "Vote on us", "Ten posts");
        var posts = new ArrayList<Post>(List.of(idea));
        for (int i = 0; i < 9; i++) {
            posts.add(fixtures.reply(idea, voters.get(i % voters.size()), "Reply " + i));
        }
        String url = "http://localhost:" + port + "/live/jams/" + jam.id() + "?thread=" + idea.id();
        try (var stream = new SseClient(url, fixtures.token(reader), null)) {
            long started = System.nanoTime();
            for (var voter : voters) {
                for (var post : posts) {
                    fixtures.reacting().react(fixtures.actor(voter), post.id(), ReactionKind.AGREE);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            var events = stream.next(10, "tally", Duration.ofSeconds(3));
            // One a second at most, so a burst inside one second gives one or two (it may straddle a flush).
            assertThat(events).hasSizeBetween(1, 2 + (int) seconds);
            assertThat(named(events)).containsExactlyElementsOf(posts.stream().map(Post::id).sorted().toList());
            // The last tally of each post carries its counts as they were then, which open pages put in place.
            var lastCounts = countsSent(events);
            for (var post : posts) {
                assertThat(fixtures.reading().require(fixtures.actor(reader), post.id()).counts().agree())
                        .isEqualTo(voters.size());
                assertThat(lastCounts.get(post.id()).get("AGREE").asLong()).as("post %d", post.id())
                        .isEqualTo(voters.size());
                assertThat(lastCounts.get(post.id()).get("DISAGREE").asLong()).isZero();
            }
        }
    }

    @Test
    void threeHundredChangedPostsInOneSecondAllReachTheThreadsReaders() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Busy thread " + System.nanoTime());
        var forum = fixtures.forum(jam, "Votes");
        var reader = fixtures.person("Reader", Role.PARTICIPANT);
        fixtures.join(jam, reader);
        var idea = fixtures.idea(forum, reader, "Vote on everything", "A busy thread");
        // Long ids, as a large installation has them: 300 of them do not fit one payload of the log.
        var changed = LongStream.range(0, 300).map(i -> 9_000_000_000_000L + i).boxed().toList();
        String url = "http://localhost:" + port + "/live/jams/" + jam.id() + "?thread=" + idea.id();
        try (var stream = new SseClient(url, fixtures.token(reader), null)) {
            changed.forEach(post -> tallies.changed(jam.id(), forum.id(), idea.id(), post));
            tallies.flush();

            assertThat(named(stream.next(10, "tally", Duration.ofSeconds(5)))).containsExactlyElementsOf(changed);
        }
    }

    /**
     * A hidden reply's counts are not sent to everyone reading its thread (its page shows them to its author and the
     * facilitators only); a helpful mark reaches the readers' counts as a vote does.
     */
    @Test
    void aHiddenRepliesCountsStayOutOfTheTallyAndHelpfulMarksGoIn() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Hidden counts " + System.nanoTime());
        var forum = fixtures.forum(jam, "Votes");
        var author = member(fixtures, jam, "Author");
        var voter = member(fixtures, jam, "Voter");
        var facilitator = member(fixtures, jam, "Facilitator");
        var reader = member(fixtures, jam, "Reader");
        fixtures.facilitator(forum, facilitator);
        var idea = fixtures.idea(forum, author, "Shade for the yard", "Trees along the fence.");
        var hidden = fixtures.reply(idea, author, "A reply the facilitator hides.");
        fixtures.reacting().react(fixtures.actor(voter), hidden.id(), ReactionKind.DISAGREE);
        fixtures.moderating().hide(fixtures.actor(facilitator), hidden.id(), "Off topic");
        tallies.flush();
        String url = "http://localhost:" + port + "/live/jams/" + jam.id() + "?thread=" + idea.id();
        try (var stream = new SseClient(url, fixtures.token(reader), null)) {
            fixtures.reacting().react(fixtures.actor(facilitator), hidden.id(), ReactionKind.AGREE);
            fixtures.reacting().markHelpful(fixtures.actor(voter), idea.id());
            tallies.flush();

            var sent = countsSent(stream.next(10, "tally", Duration.ofSeconds(3)));
            assertThat(sent).containsKeys(idea.id(), hidden.id());
            assertThat(sent.get(hidden.id()).isNull()).as("the hidden reply's counts").isTrue();
            assertThat(sent.get(idea.id()).get("HELPFUL").asLong()).isEqualTo(1);
        }
    }

    /** A reply reaches the forum's readers as its idea's new reply count; a reply's own counts carry none. */
    @Test
    void aReplyGivesItsIdeaATallyWithTheReplyCount() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Reply counts " + System.nanoTime());
        var forum = fixtures.forum(jam, "Kitchens");
        var author = member(fixtures, jam, "Author");
        var reader = member(fixtures, jam, "Reader");
        var idea = fixtures.idea(forum, author, "Fresh fruit", "A bowl of fruit on each floor.");
        String url = "http://localhost:" + port + "/live/jams/" + jam.id() + "?forum=" + forum.id();
        try (var stream = new SseClient(url, fixtures.token(reader), null)) {
            var reply = fixtures.reply(idea, reader, "Apples, please.");
            fixtures.reacting().react(fixtures.actor(author), reply.id(), ReactionKind.AGREE);
            tallies.flush();

            var sent = countsSent(stream.next(10, "tally", Duration.ofSeconds(3)));
            assertThat(sent.get(idea.id()).get("REPLIES").asLong()).isEqualTo(1);
            assertThat(sent.get(reply.id()).has("REPLIES")).isFalse();
            assertThat(sent.get(reply.id()).get("AGREE").asLong()).isEqualTo(1);

            // A hidden idea's entry in the list still shows its reply count: that count goes out, its votes do not.
            var facilitator = member(fixtures, jam, "Facilitator");
            fixtures.facilitator(forum, facilitator);
            fixtures.moderating().hide(fixtures.actor(facilitator), idea.id(), "Duplicate");
            fixtures.reply(idea, reader, "Pears too.");
            tallies.flush();
            var hidden = countsSent(stream.next(10, "tally", Duration.ofSeconds(3))).get(idea.id());
            assertThat(hidden.get("REPLIES").asLong()).isEqualTo(2);
            assertThat(hidden.has("AGREE")).isFalse();
        }
    }

    /**
     * Another node may read a post's counts after this one and append them before it, so that this node's older
     * counts arrive last: the next flush looks again at what this one sent and sends the counts anew if they differ.
     */
    @Test
    void countsThatChangedAfterTheyWereSentGoOutAgainOnTheNextFlush() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Second look " + System.nanoTime());
        var forum = fixtures.forum(jam, "Votes");
        var reader = member(fixtures, jam, "Reader");
        var otherNodesVoter = member(fixtures, jam, "Voter on another node");
        var idea = fixtures.idea(forum, reader, "Lockers", "Lockers for the drivers' gear.");
        // A node's tallies of its own, flushed by this test only: the scheduled flush would take the second look at
        // a moment of its choosing.
        var tallies = new Tallies(context.getBean(LiveLog.class), context.getBean(WakeUps.class),
                context.getBean(java.time.Clock.class), fixtures.reading());
        String url = "http://localhost:" + port + "/live/jams/" + jam.id() + "?thread=" + idea.id();
        try (var stream = new SseClient(url, fixtures.token(reader), null)) {
            tallies.changed(jam.id(), forum.id(), idea.id(), idea.id());
            tallies.flush();
            assertThat(countsSent(stream.next(1, "tally", Duration.ofSeconds(3))).get(idea.id()).get("AGREE").asLong())
                    .isZero();
            // A vote committed by another node: this node was not told of it, and that node's tally came earlier.
            context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("insert into reaction (post_id, person_id, kind, reacted_at) values (?, ?, 'AGREE', ?)")
                    .params(idea.id(), otherNodesVoter.id(), java.sql.Timestamp.from(java.time.Instant.now()))
                    .update();
            tallies.flush();

            var again = countsSent(stream.next(1, "tally", Duration.ofSeconds(3)));
            assertThat(again.get(idea.id()).get("AGREE").asLong()).isEqualTo(1);
            tallies.flush(); // a look that finds what it sent: nothing more
            assertThat(stream.next(1, "tally", Duration.ofMillis(1_500))).isEmpty();
        }
    }

    private static Person member(Fixtures fixtures, org.incrowd.jam.Jam jam, String name) {
        var person = fixtures.person(name, Role.PARTICIPANT);
        fixtures.join(jam, person);
        return person;
    }

    /** The counts the tally events carried, per post; the last event's for a post named twice. */
    private static java.util.Map<Long, JsonNode> countsSent(List<SseClient.Event> tallies) {
        var sent = new java.util.HashMap<Long, JsonNode>();
        for (var tally : tallies) {
            var payload = JSON.readTree(tally.data());
            for (int i = 0; i < payload.get("posts").size(); i++) {
                sent.put(payload.get("posts").get(i).asLong(), payload.get("counts").get(i));
            }
        }
        return sent;
    }

    /** The posts the tally events name, in id order. */
    private static TreeSet<Long> named(List<SseClient.Event> tallies) {
        var named = new TreeSet<Long>();
        for (var tally : tallies) {
            var ids = IDS.matcher(tally.data());
            assertThat(ids.find()).as(tally.data()).isTrue();
            for (String id : ids.group(1).split(",")) {
                named.add(Long.parseLong(id));
            }
        }
        return named;
    }
}
