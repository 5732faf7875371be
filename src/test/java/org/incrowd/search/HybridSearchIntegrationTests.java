package org.incrowd.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.Post;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.support.EncodesPosts;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The best match finds posts by what they mean as well as by their words: a post that shares no word with the query
 * is found once its sentence vector is in the index, under every filter (a Jam the reader may not see stays hidden),
 * a word being typed is matched by its beginning, and a Jam's guides see the ideas that say the same thing.
 */
@EncodesPosts
@IncrowdTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HybridSearchIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;

    Fixtures fixtures;
    Person reader;

    @BeforeAll
    void world() {
        fixtures = Fixtures.of(context);
        reader = fixtures.person("Hybrid reader", Role.PARTICIPANT);
    }

    @Test
    void aQueryWithNoWordInCommonFindsThePostByMeaningUnderEveryFilter() throws Exception {
        Jam jam = fixtures.liveJam("Mobility Jam");
        Forum delivery = fixtures.forum(jam, "Delivery");
        Forum parking = fixtures.forum(jam, "Parking");
        fixtures.join(jam, reader);
        Post bikes = fixtures.idea(delivery, reader, "Cargo bikes for the post room",
                "Lend cargo bikes to the post room for deliveries");
        fixtures.idea(parking, reader, "Sheds for cargo bikes", "Sheltered racks where bikes stay dry");
        Jam secret = fixtures.jam("Fleet board").invitationOnly().create();
        Post secretBikes = fixtures.idea(fixtures.forum(secret, "Fleet"), fixtures.organiser(),
                "Cargo bikes for the fleet", "Replace the delivery vans with cargo bikes");

        // "bicycle" is not a word of these posts, nor a stem of one: only their meaning is near
        awaitFound("bicycle&jam=" + jam.id(), fixtures.organiser(), bikes);
        awaitFound("bicycle&jam=" + secret.id(), fixtures.organiser(), secretBikes);

        assertThat(ids(api("/api/v1/search?q=bicycle&jam=" + jam.id(), reader))).contains(bikes.id());
        assertThat(ids(api("/api/v1/search?q=bicycle", reader))).doesNotContain(secretBikes.id());
        assertThat(ids(api("/api/v1/search?q=bicycle&jam=" + secret.id(), reader))).isEmpty();
        assertThat(ids(api("/api/v1/search?q=bicycle&forum=" + delivery.id(), reader))).containsExactly(bikes.id());
        assertThat(ids(api("/api/v1/search?q=bicycle&forum=" + parking.id(), reader))).doesNotContain(bikes.id());
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        assertThat(ids(api("/api/v1/search?q=bicycle&jam=" + jam.id() + "&to=" + yesterday, reader))).isEmpty();
        assertThat(ids(api("/api/v1/search?q=bicycle&jam=" + jam.id() + "&type=client", reader))).isEmpty();
        assertThat(ids(api("/api/v1/search?q=bicycle&jam=" + jam.id() + "&sort=newest", reader)))
                .as("newest first is by words only").isEmpty();
        assertThat(ids(api("/api/v1/search?q=bicycle -vans&jam=" + secret.id(), fixtures.organiser())))
                .as("an excluded word holds for posts found by meaning").isEmpty();
    }

    @Test
    void aPostFoundByItsWordsAndItsMeaningComesFirstAndMarksItsWords() throws Exception {
        Jam jam = fixtures.liveJam("Office Jam");
        Forum work = fixtures.forum(jam, "Work");
        fixtures.join(jam, reader);
        Post remote = fixtures.idea(work, reader, "Remote days: skip the commute",
                "Working remotely a couple of days a week saves hours of travel");
        Post canteen = fixtures.idea(work, reader, "Longer opening hours", "Open the canteen until eight in the evening");
        awaitFound("commuting&jam=" + jam.id(), fixtures.organiser(), remote);

        var found = ids(api("/api/v1/search?q=remote wor&jam=" + jam.id(), reader));
        assertThat(found).as("a word being typed matches by its beginning").startsWith(remote.id())
                .doesNotContain(canteen.id());
        assertThat(ids(api("/api/v1/search?q=commut*&jam=" + jam.id(), reader))).startsWith(remote.id());

        String page = mvc.perform(get("/search").param("q", "remote wor").param("jam", String.valueOf(jam.id()))
                .session(fixtures.signIn(reader))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<mark>Remote</mark>");
    }

    @Test
    void aRepeatedSearchFindsWhatAFreshOneFindsAndNoPostHiddenSince() throws Exception {
        Jam jam = fixtures.liveJam("Repeated search Jam");
        Forum travel = fixtures.forum(jam, "Travel");
        fixtures.join(jam, reader);
        Post trains = fixtures.idea(travel, reader, "Night trains to the plant",
                "A sleeper service so that nobody has to fly to the plant");
        Post tickets = fixtures.idea(travel, reader, "Season tickets for the train",
                "Pay half of every season ticket on the regional trains");
        // "railway" is neither word nor stem of these posts: each is found by its meaning alone
        String railway = "railway&jam=" + jam.id();
        awaitFound(railway, fixtures.organiser(), trains);
        awaitFound(railway, fixtures.organiser(), tickets);

        var first = ids(api("/api/v1/search?q=" + railway, reader));
        assertThat(first).contains(trains.id(), tickets.id());
        assertThat(ids(api("/api/v1/search?q=" + railway, reader))).as("the same words again")
                .containsExactlyElementsOf(first);
        assertThat(ids(api("/api/v1/search?q= railway  &jam=" + jam.id(), reader)))
                .as("the same words, spaced differently").containsExactlyElementsOf(first);

        fixtures.moderating().hide(fixtures.organiser().asActor(), tickets.id(), "Off topic");
        assertThat(ids(api("/api/v1/search?q=" + railway, reader))).as("kept words, a post hidden since")
                .contains(trains.id()).doesNotContain(tickets.id());
    }

    @Test
    void aKeptQueryVectorIsTheOneEncodingGivesAndNoSearchChangesItForAnother() {
        var encoder = context.getBean(org.incrowd.meaning.PostVectors.class).encoder();
        var meanings = context.getBean(QueryMeanings.class);
        float[] fresh = encoder.encode("cheaper night trains");

        float[] first = meanings.of("cheaper night trains").orElseThrow();
        assertThat(first).containsExactly(fresh);
        java.util.Arrays.fill(first, 0f); // what one search does with its vector
        assertThat(meanings.of("cheaper  night trains ").orElseThrow()).containsExactly(fresh);
        assertThat(meanings.of("\u5317\u4eac\u7684\u706b\u8f66")).as("a language the model does not cover")
                .isEmpty();
    }

    @Test
    void aJamsGuidesSeeItsLikelyDuplicatesWithLinksToBothAndToJoinThem() throws Exception {
        Jam jam = fixtures.liveJam("Canteen duplicates Jam");
        Forum canteen = fixtures.forum(jam, "Canteen");
        Person facilitator = fixtures.person("Duplicate facilitator", Role.PARTICIPANT);
        fixtures.facilitator(canteen, facilitator);
        fixtures.join(jam, reader);
        Post first = fixtures.idea(canteen, reader, "Vegetarian dishes every day",
                "The canteen should serve a vegetarian dish every day of the week");
        Post second = fixtures.idea(canteen, fixtures.poolAuthor(jam.id()), "More vegetarian food",
                "A vegetarian dish in the canteen every day, please");
        Post other = fixtures.idea(canteen, reader, "Longer opening hours",
                "Open the canteen until eight in the evening");

        List<Map<String, Object>> pairs = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (pairs.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50); // the ideas' vectors come a moment after them
            pairs = JsonPath.read(ok(api("/api/v1/jams/" + jam.id() + "/duplicates", facilitator)), "$");
        }

        assertThat(pairs).hasSize(1);
        assertThat(pairs.getFirst()).containsEntry("firstId", (int) first.id()).containsEntry("secondId",
                (int) second.id()).containsEntry("firstUrl", "/threads/" + first.id());
        assertThat(((Number) pairs.getFirst().get("similarity")).doubleValue())
                .isGreaterThanOrEqualTo(LikelyDuplicates.THRESHOLD);
        String page = mvc.perform(get("/jams/" + jam.id() + "/duplicates").session(fixtures.signIn(facilitator)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/threads/" + first.id() + "\"").contains("href=\"/threads/" + second.id()
                + "\"").contains("/ideas/" + second.id() + "/join?other=" + first.id())
                .doesNotContain("/threads/" + other.id() + "\"");
        assertThat(api("/api/v1/jams/" + jam.id() + "/duplicates", reader).getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/jams/" + jam.id() + "/duplicates").session(fixtures.signIn(reader)))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        // The Jam's home points its guides, and only them, to the list.
        String link = "href=\"/jams/" + jam.id() + "/duplicates\"";
        assertThat(mvc.perform(get("/jams/" + jam.id()).session(fixtures.signIn(facilitator))).andReturn()
                .getResponse().getContentAsString()).contains(link);
        assertThat(mvc.perform(get("/jams/" + jam.id()).session(fixtures.signIn(reader))).andReturn().getResponse()
                .getContentAsString()).doesNotContain(link);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    MockHttpServletResponse api(String url, Person person) throws Exception {
        return mvc.perform(get(url).with(fixtures.bearer(person))).andReturn().getResponse();
    }

    static String ok(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    static List<Long> ids(MockHttpServletResponse response) throws Exception {
        List<Number> ids = JsonPath.read(ok(response), "$.results[*].postId");
        return ids.stream().map(Number::longValue).toList();
    }

    /** Waits until the post is found by the query (its vector is stored and indexed a moment after the post). */
    void awaitFound(String query, Person person, Post post) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (ids(api("/api/v1/search?q=" + query, person)).contains(post.id())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Post " + post.id() + " was not found by \"" + query + "\"");
    }
}
