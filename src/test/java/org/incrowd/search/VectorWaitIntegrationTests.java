package org.incrowd.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.incrowd.discussion.Post;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.meaning.SentenceEncoder;
import org.incrowd.support.DelegatingEncoder;
import org.incrowd.support.EncodesPosts;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A post published while this node's encoder is busy waits for its sentence vector and goes into the search index
 * once, with it: the moment it can be found by its words it can be found by its meaning too. A post whose vector does
 * not come within the wait is found by its words all the same, and by its meaning once the vector arrives.
 */
@EncodesPosts
@IncrowdTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "incrowd.search.vector-grace-ms=2000")
@Import(VectorWaitIntegrationTests.SlowEncoder.class)
class VectorWaitIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    SlowEncoder slow;

    Fixtures fixtures;
    Person reader;
    Jam jam;
    Forum forum;

    /**
     * The application's encoder, each new post taking as long as the test says (a node whose cores are busy); a
     * reader's query is encoded at once.
     */
    @TestConfiguration
    static class SlowEncoder {
        final AtomicLong millisPerText = new AtomicLong();

        @Bean
        @Primary
        SentenceEncoder slowEncoder(@Qualifier("onnxSentenceEncoder") SentenceEncoder encoder) {
            return new DelegatingEncoder(encoder) {
                @Override
                public List<float[]> encodeAll(List<String> texts) { // new posts, as the encoding feed asks
                    try {
                        Thread.sleep(millisPerText.get() * texts.size());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return super.encodeAll(texts);
                }
            };
        }
    }

    @BeforeAll
    void world() {
        fixtures = Fixtures.of(context);
        reader = fixtures.person("Patient reader", Role.PARTICIPANT);
        jam = fixtures.liveJam("Courier Jam");
        forum = fixtures.forum(jam, "Couriers");
        fixtures.join(jam, reader);
    }

    @Test
    void aPostWhoseVectorComesWithinTheWaitIsFoundByMeaningAsSoonAsByItsWords() throws Exception {
        slow.millisPerText.set(300); // well within the wait of 2 s
        Post bikes = fixtures.idea(forum, reader, "Cargo bikes for the post room",
                "Lend cargo bikes to the post room for deliveries");

        // Newest first is by words only; "bicycle" is not a word of the post, only near its meaning.
        awaitFound("cargo&sort=newest", bikes);
        assertThat(ids("bicycle")).as("the post went into the index once, with its sentence vector")
                .contains(bikes.id());
    }

    @Test
    void aPostWhoseVectorIsLateIsFoundByItsWordsAndLaterByItsMeaning() throws Exception {
        slow.millisPerText.set(6_000); // longer than the wait
        Post vans = fixtures.idea(forum, reader, "Electric vans for the couriers",
                "Replace the diesel vans of the couriers with electric ones");

        awaitFound("diesel&sort=newest", vans);
        assertThat(ids("vehicles")).as("the vector has not come yet").doesNotContain(vans.id());
        awaitFound("vehicles", vans); // the encoder is free again when this test ends
        slow.millisPerText.set(0);
    }

    List<Long> ids(String query) throws Exception {
        var response = mvc.perform(get("/api/v1/search?q=" + query + "&jam=" + jam.id())
                .with(fixtures.bearer(reader))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        List<Number> ids = JsonPath.read(response.getContentAsString(), "$.results[*].postId");
        return ids.stream().map(Number::longValue).toList();
    }

    void awaitFound(String query, Post post) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (ids(query).contains(post.id())) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Post " + post.id() + " was not found by \"" + query + "\"");
    }
}
