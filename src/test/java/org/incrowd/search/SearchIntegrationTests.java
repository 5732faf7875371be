package org.incrowd.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.incrowd.discussion.Post;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.identity.ProfileChange;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Search as readers meet it, through the API and the page: new posts are found within a second, filters and order do
 * what they say, posts are matched in their own language, snippets mark the match and never run a post's script,
 * nobody finds posts of a Jam they may not see, and the new-idea form is offered the near-duplicate idea first.
 * Every test uses words of its own, because test classes share one application (and so one index).
 */
@IncrowdTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIntegrationTests {

    /** The promise to readers: a post is searchable this soon after it was sent. */
    static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(1);

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    PostIndexFeed feed;

    Fixtures fixtures;
    Jam jam;
    Forum housing;
    Forum transport;
    Person reader;
    Person client;
    final Random random = new Random();

    @BeforeAll
    void world() throws InterruptedException {
        fixtures = Fixtures.of(context);
        jam = fixtures.liveJam("City Jam");
        housing = fixtures.forum(jam, "Housing");
        transport = fixtures.forum(jam, "Transport");
        reader = fixtures.person("Reader", Role.PARTICIPANT);
        fixtures.join(jam, reader);
        client = fixtures.person("Client from Germany", ParticipantType.CLIENT, Role.PARTICIPANT);
        fixtures.identity().updateProfile(client.asActor(), client.id(),
                new ProfileChange(client.displayName(), "DE", null, null, ParticipantType.CLIENT, null));
        fixtures.join(jam, client);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!feed.caughtUp() && System.nanoTime() < deadline) {
            Thread.sleep(20); // the start-up build of an empty index takes moments
        }
    }

    @Test
    void aNewPostIsFoundByAWordOfItsBodyWithinASecond() throws Exception {
        String word = word();
        long sent = System.nanoTime();
        Post idea = fixtures.idea(housing, reader, "Shared gardens", "Roof gardens with " + word + " for everyone");

        List<Long> found = List.of();
        while (found.isEmpty() && System.nanoTime() - sent < SEARCHABLE_WITHIN.toNanos()) {
            found = ids(api("/api/v1/search?q=" + word, reader));
        }

        assertThat(found).as("found within %s", SEARCHABLE_WITHIN).containsExactly(idea.id());
    }

    @Test
    void anEditedPostIsFoundByItsNewWordsAndNoLongerByItsOldOnes() throws Exception {
        String before = word();
        String after = word();
        Post idea = fixtures.idea(housing, reader, "Rent caps", "Cap rents with " + before);
        awaitFound(before, idea);

        fixtures.editing().edit(reader.asActor(), idea.id(),
                new org.incrowd.discussion.PostDraft("Rent caps", "Cap rents with " + after, ""));

        awaitFound(after, idea);
        assertThat(ids(api("/api/v1/search?q=" + before, reader))).isEmpty();
    }

    @Test
    void aHiddenPostIsNotFoundUntilItIsRestoredAndAMovedThreadIsFoundInItsNewForum() throws Exception {
        String word = word();
        Post idea = fixtures.idea(housing, reader, "Bike sheds", "Sheltered sheds with " + word + " by the door");
        awaitFound(word, idea);
        var organiser = fixtures.organiser().asActor();

        fixtures.moderating().hide(organiser, idea.id(), "Names a colleague");
        assertThat(ids(api("/api/v1/search?q=" + word, reader))).doesNotContain(idea.id());
        assertThat(ids(api("/api/v1/search?q=" + word, fixtures.organiser()))).doesNotContain(idea.id());

        fixtures.moderating().restore(organiser, idea.id());
        awaitFound(word, idea);

        fixtures.moderating().moveThread(organiser, idea.id(), transport.id());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Long> inTransport = List.of();
        while (inTransport.isEmpty() && System.nanoTime() < deadline) {
            inTransport = ids(api("/api/v1/search?q=" + word + "&forum=" + transport.id(), reader));
        }
        assertThat(inTransport).containsExactly(idea.id());
        assertThat(ids(api("/api/v1/search?q=" + word + "&forum=" + housing.id(), reader))).isEmpty();
    }

    @Test
    void filtersNarrowTheResults() throws Exception {
        String word = word();
        Post inHousing = fixtures.idea(housing, reader, "Tiny homes", "Tiny homes " + word, "homes");
        Post inTransport = fixtures.idea(transport, reader, "Night buses", "Night buses " + word, "buses");
        Post byClient = fixtures.idea(transport, client, "Cargo bikes", "Cargo bikes " + word);
        awaitFound(word, byClient);
        awaitFound(word, inHousing);
        awaitFound(word, inTransport);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

        assertThat(ids(api("/api/v1/search?q=" + word, reader)))
                .containsExactlyInAnyOrder(inHousing.id(), inTransport.id(), byClient.id());
        assertThat(ids(api("/api/v1/search?q=" + word + "&forum=" + housing.id(), reader)))
                .containsExactly(inHousing.id());
        assertThat(ids(api("/api/v1/search?q=" + word + "&tag=Buses", reader))).containsExactly(inTransport.id());
        assertThat(ids(api("/api/v1/search?q=" + word + "&type=client", reader))).containsExactly(byClient.id());
        assertThat(ids(api("/api/v1/search?q=" + word + "&country=de", reader))).containsExactly(byClient.id());
        assertThat(ids(api("/api/v1/search?q=" + word + "&phase=LIVE&from=" + today + "&to=" + today, reader)))
                .hasSize(3);
        assertThat(ids(api("/api/v1/search?q=" + word + "&to=" + yesterday, reader))).isEmpty();
        assertThat(ids(api("/api/v1/search?q=" + word + "&phase=CLOSED", reader))).isEmpty();
    }

    @Test
    void newestFirstOrdersByTimeAndRelevanceByHowWellPostsMatch() throws Exception {
        String word = word();
        String other = word();
        Post strong = fixtures.idea(housing, reader, "The " + word + " plan", "The " + word + " plan is the "
                + word + " we need, and " + other + " with it");
        Post weak = fixtures.idea(housing, reader, "Somewhat related", "Mentions " + word + " once, among many other "
                + "words about housing, parks, schools, streets and the weather this autumn");
        Post newest = fixtures.idea(housing, reader, "Latest", "Only " + word + " too, in a long post about rents, "
                + "repairs, neighbours, noise, gardens and the landlord's answers");
        awaitFound(word, newest);

        assertThat(ids(api("/api/v1/search?q=" + word + "&sort=newest", reader)))
                .containsExactly(newest.id(), weak.id(), strong.id());
        assertThat(ids(api("/api/v1/search?q=" + word, reader)).getFirst()).isEqualTo(strong.id());
    }

    @Test
    void germanAndChinesePostsAreFoundInTheirOwnLanguage() throws Exception {
        Post german = fixtures.idea(housing, client, "Bezahlbare Wohnungen",
                "Die Stadt sollte mehr bezahlbare Wohnungen für die Familien bauen, die hier arbeiten.");
        Post chinese = fixtures.idea(transport, client, "公共交通", "我们需要更多的公共交通和自行车道。");
        awaitFound("bezahlbare", german);
        awaitFound("公共交通", chinese);

        assertThat(ids(api("/api/v1/search?q=Wohnung&jam=" + jam.id(), reader))).contains(german.id());
        assertThat(ids(api("/api/v1/search?q=自行车&jam=" + jam.id(), reader))).containsExactly(chinese.id());
    }

    @Test
    void snippetsMarkTheMatchAndShowAScriptInAPostAsText() throws Exception {
        String word = word();
        Post idea = fixtures.idea(housing, reader, "<script>alert('title')</script> Safe streets",
                "Lower speeds <script>alert('body')</script> near schools " + word + " & parks");
        awaitFound(word, idea);

        String page = mvc.perform(get("/search").param("q", word).session(fixtures.signIn(reader)))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<mark>" + word + "</mark>")
                .contains("&lt;script&gt;alert(")
                .doesNotContain("<script>alert(");
    }

    @Test
    void aReaderWhoMayNotSeeAJamFindsNoneOfItsPosts() throws Exception {
        String word = word();
        Jam secret = fixtures.jam("Board retreat").invitationOnly().create();
        Forum secretForum = fixtures.forum(secret, "Strategy");
        Post hidden = fixtures.idea(secretForum, fixtures.organiser(), "Acquisition", "Buy the rival " + word);
        awaitFound(word, hidden); // the organiser finds it, so it is in the index

        assertThat(ids(api("/api/v1/search?q=" + word, reader))).isEmpty();
        assertThat(ids(api("/api/v1/search?q=" + word + "&jam=" + secret.id(), reader))).isEmpty();
        assertThat(mvc.perform(get("/search/similar").param("forum", String.valueOf(secretForum.id()))
                .param("text", "Buy the rival " + word).session(fixtures.signIn(reader)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void similarIdeasListTheNearDuplicateFirst() throws Exception {
        String word = word();
        Post duplicate = fixtures.idea(transport, reader, "Free buses for students",
                "Make the city buses free for all students so they can reach school and " + word + " clubs");
        Post related = fixtures.idea(transport, reader, "Cheaper buses",
                "Buses should be cheaper for pensioners, and for students too " + word);
        Post unrelated = fixtures.idea(transport, reader, "Parks", "Plant more trees in the parks " + word);
        awaitFound(word, unrelated);
        awaitFound(word, related);
        awaitFound(word, duplicate);

        var response = mvc.perform(get("/search/similar").param("forum", String.valueOf(transport.id()))
                .param("title", "Free city buses for students").param("body", "Students should ride buses for free")
                .session(fixtures.signIn(reader))).andReturn().getResponse();

        String html = response.getContentAsString();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(html).contains("/threads/" + duplicate.id() + "?replyTo=" + duplicate.id() + "#reply-form");
        assertThat(html.substring(html.indexOf("/threads/"))).as("the first idea listed")
                .startsWith("/threads/" + duplicate.id() + "\"");
        assertThat(html).contains("/threads/" + related.id()).doesNotContain("/threads/" + unrelated.id());
    }

    @Test
    void badParametersAreRefusedSayingWhatIsWrong() throws Exception {
        var session = fixtures.signIn(reader);
        var sort = mvc.perform(get("/search").param("q", "buses").param("sort", "loudest").session(session))
                .andReturn().getResponse();
        var date = mvc.perform(get("/search").param("q", "buses").param("from", "2026-13-45").session(session))
                .andReturn().getResponse();
        var api = api("/api/v1/search?q=buses&type=robot", reader);

        assertThat(sort.getStatus()).isBetween(400, 499);
        assertThat(sort.getContentAsString()).contains("loudest").contains("relevance or newest");
        assertThat(date.getStatus()).isBetween(400, 499);
        assertThat(date.getContentAsString()).contains("2026-13-45");
        assertThat(api.getStatus()).isBetween(400, 499);
        assertThat(api.getContentAsString()).contains("robot");
    }

    @Test
    void aReplyIsTitledByItsIdeaAndNamesItsAuthorAtTheJamsTime() throws Exception {
        var berlin = fixtures.jam("Depot Jam").timeZone("Europe/Berlin").create();
        var rooms = fixtures.forum(berlin, "Rest rooms");
        fixtures.join(berlin, reader);
        fixtures.join(berlin, client);
        String word = word();
        Post idea = fixtures.idea(rooms, reader, "Quiet rooms for drivers", "Somewhere to rest between shifts");
        Post reply = fixtures.reply(idea, client, "Yes, with " + word + " and blankets");
        awaitFound(word, reply);

        String html = mvc.perform(get("/search").param("q", word).session(fixtures.signIn(reader))).andReturn()
                .getResponse().getContentAsString();
        var api = api("/api/v1/search?q=" + word, reader);

        assertThat(html).contains("Reply to Quiet rooms for drivers").contains("Client from Germany")
                .contains("(Europe/Berlin)").doesNotContain("(UTC)");
        assertThat((List<String>) JsonPath.read(api.getContentAsString(), "$.results[*].threadTitle"))
                .containsExactly("Quiet rooms for drivers");
        assertThat((List<String>) JsonPath.read(api.getContentAsString(), "$.results[*].author"))
                .containsExactly("Client from Germany");
    }

    @Test
    void aWordIsFoundByItsBeginningThoughItsPostIsIndexedByItsStem() throws Exception {
        String word = word();
        Post idea = fixtures.idea(housing, reader, "Urbanization", "Urbanization of the " + word + " quarter");
        awaitFound(word, idea);

        assertThat(ids(api("/api/v1/search?q=" + word + "+urbaniz*", reader))).containsExactly(idea.id());
    }

    @Test
    void aCostlySearchIsRefusedOnThePageWhichKeepsItsWords() throws Exception {
        String costly = String.join(" ", java.util.Collections.nCopies(125, "a~2"));

        var page = mvc.perform(get("/search").param("q", costly).session(fixtures.signIn(reader))).andReturn()
                .getResponse();
        var api = api("/api/v1/search?q=" + costly.replace(" ", "+"), reader);

        assertThat(page.getStatus()).isEqualTo(422);
        assertThat(page.getContentAsString()).contains("Use * or ~ in at most 4 words of one search")
                .contains("value=\"" + costly + "\"");
        assertThat(api.getStatus()).isEqualTo(422);
        assertThat(api.getContentAsString()).contains("at most 4 words");
    }

    @Test
    void aThirdSearchAtOnceByOnePersonIsRefusedSayingWhy() throws Exception {
        var eager = fixtures.person("Eager searcher", Role.PARTICIPANT);
        fixtures.join(jam, eager);
        var allowance = context.getBean(SearchAllowance.class);
        var running = new java.util.concurrent.CountDownLatch(2);
        var finish = new java.util.concurrent.CountDownLatch(1);
        var searches = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2; i++) {
                searches.submit(() -> allowance.run(eager.id(), () -> {
                    running.countDown();
                    try {
                        return finish.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }));
            }
            running.await(30, java.util.concurrent.TimeUnit.SECONDS);

            var page = mvc.perform(get("/search").param("q", "buses").session(fixtures.signIn(eager))).andReturn()
                    .getResponse();

            assertThat(page.getStatus()).isEqualTo(429);
            assertThat(page.getContentAsString()).contains("You already have 2 searches running")
                    .contains("value=\"buses\"");
        } finally {
            finish.countDown();
            searches.shutdown();
        }
        assertThat(searches.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(mvc.perform(get("/search").param("q", "buses").session(fixtures.signIn(eager))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** A word no other post contains. */
    String word() {
        // Letters and digits in turn: the sentence encoder reads such a string as no word at all (ADR 58), so that
        // these tests of the words are not also matched by meaning, as two made-up words of letters alone can be.
        var letters = new StringBuilder("zq");
        for (int i = 0; i < 4; i++) {
            letters.append((char) ('a' + random.nextInt(26))).append(random.nextInt(10));
        }
        return letters.toString();
    }

    MockHttpServletResponse api(String url, Person person) throws Exception {
        MockHttpServletRequestBuilder request = get(url);
        return mvc.perform(request.with(fixtures.bearer(person))).andReturn().getResponse();
    }

    static List<Long> ids(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        List<Number> ids = JsonPath.read(response.getContentAsString(), "$.results[*].postId");
        return ids.stream().map(Number::longValue).toList();
    }

    /** Waits (polling the organiser's view, who sees everything) until the post is found by the word. */
    void awaitFound(String word, Post post) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (ids(api("/api/v1/search?q=" + word, fixtures.organiser())).contains(post.id())) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("Post " + post.id() + " was not found by \"" + word + "\"");
    }
}
