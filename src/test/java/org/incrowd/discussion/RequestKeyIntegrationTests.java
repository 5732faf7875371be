package org.incrowd.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A retry after a lost answer writes nothing twice: the API's {@code Idempotency-Key} and the forms' hidden request
 * key get the post written the first time, also when both copies arrive at the same moment; a malformed key is
 * refused with a message naming it.
 */
@IncrowdTest
class RequestKeyIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;

    Fixtures fixtures;
    Forum forum;
    Person author;

    @BeforeEach
    void world() {
        fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Retries");
        forum = fixtures.forum(jam, "Where do requests get lost?");
        author = fixtures.person("Rita Retry", Role.PARTICIPANT);
        fixtures.join(jam, author);
    }

    @Test
    void anIdeaSentTwiceWithOneKeyIsWrittenOnceAndBothAnswersNameIt() throws Exception {
        var first = idea("tunnel-7f3a", "Wi-Fi in the tunnel");
        var again = idea("tunnel-7f3a", "Wi-Fi in the tunnel");
        var other = idea("tunnel-8b1c", "Wi-Fi in the tunnel");

        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(again.getStatus()).isEqualTo(201);
        assertThat(id(again)).isEqualTo(id(first));
        assertThat(id(other)).isNotEqualTo(id(first)); // another key is another post, even with the same words
        assertThat(titlesInForum()).containsExactlyInAnyOrder("Wi-Fi in the tunnel", "Wi-Fi in the tunnel");
    }

    @Test
    void aReplySentTwiceAtTheSameMomentIsWrittenOnce() throws Exception {
        var idea = fixtures.idea(forum, author, "Night buses", "Later buses after the late shift.");
        var bearer = fixtures.bearer(author);
        Callable<MockHttpServletResponse> reply = () -> mvc.perform(post("/api/v1/posts/" + idea.id() + "/replies")
                .with(bearer).header("Idempotency-Key", "bus-1").contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\":\"And a stop at the depot gate.\"}")).andReturn().getResponse();

        var answers = new ArrayList<MockHttpServletResponse>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (var future : pool.invokeAll(List.of(reply, reply, reply, reply))) {
                answers.add(future.get());
            }
        }

        assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsOnly(201);
        assertThat(answers.stream().map(RequestKeyIntegrationTests::id).distinct()).hasSize(1);
        assertThat(fixtures.reading().thread(fixtures.actor(author), idea.id(), 0).replies())
                .extracting(Post::body).containsExactly("And a stop at the depot gate.");
    }

    @Test
    void theIdeaFormCarriesAKeySoThatSubmittingItTwiceWritesOneIdea() throws Exception {
        var session = fixtures.signIn(author);
        String page = mvc.perform(get("/forums/" + forum.id()).session(session).with(Fixtures.browser()))
                .andReturn().getResponse().getContentAsString();
        var key = Pattern.compile("name=\"requestKey\" value=\"([^\"]+)\"").matcher(page);
        assertThat(key.find()).as("a request key in the form").isTrue();

        var submits = new ArrayList<String>();
        for (int i = 0; i < 2; i++) {
            submits.add(mvc.perform(post("/forums/" + forum.id() + "/threads").session(session).with(csrf())
                            .with(Fixtures.browser()).param("title", "Lockers for couriers")
                            .param("body", "Somewhere to leave a helmet.").param("requestKey", key.group(1)))
                    .andReturn().getResponse().getRedirectedUrl());
        }

        assertThat(submits.get(1)).startsWith("/threads/").isEqualTo(submits.get(0));
        assertThat(titlesInForum()).containsExactly("Lockers for couriers");
    }

    @Test
    void aMalformedKeyIsRefusedWithAMessageNamingIt() throws Exception {
        var refused = idea("not a key!", "Spaces are not allowed");

        assertThat(refused.getStatus()).isEqualTo(422); // as every post that breaks a rule
        assertThat(refused.getContentAsString()).contains("requestKey").contains("request key");
        assertThat(titlesInForum()).isEmpty();
    }

    private MockHttpServletResponse idea(String key, String title) throws Exception {
        return mvc.perform(post("/api/v1/forums/" + forum.id() + "/threads").with(fixtures.bearer(author))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"" + title + "\",\"body\":\"So that nothing is lost on the way.\"}"))
                .andReturn().getResponse();
    }

    private static long id(MockHttpServletResponse response) {
        try {
            var id = Pattern.compile("^\\{\"id\":(\\d+)").matcher(response.getContentAsString());
            assertThat(id.find()).as("a post in %s", response.getContentAsString()).isTrue();
            return Long.parseLong(id.group(1));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> titlesInForum() {
        return fixtures.reading().ideas(fixtures.actor(author), forum.id(), 0, "newest").ideas().stream()
                .map(idea -> idea.title()).toList();
    }
}
