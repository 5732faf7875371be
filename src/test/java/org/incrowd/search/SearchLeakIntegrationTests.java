package org.incrowd.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.incrowd.discussion.Post;
import org.incrowd.identity.Person;
import org.incrowd.identity.Pseudonyms;
import org.incrowd.identity.Role;
import org.incrowd.support.HiddenAuthors;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Search finds posts of pseudonymous and anonymous forums by their words and shows them under their byline, but never
 * by their author's name, and no filter (the author's country where the organiser hides it, their type where the
 * forum is anonymous) singles a hidden author out (ADR 49).
 */
@IncrowdTest
class SearchLeakIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    Pseudonyms pseudonyms;
    @Autowired
    PostIndexFeed feed;

    HiddenAuthors hidden;
    Person reader;
    final Random random = new Random();

    @BeforeEach
    void aJamWithHiddenAuthors() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!feed.caughtUp() && System.nanoTime() < deadline) {
            Thread.sleep(20); // the start-up build of the index takes moments
        }
        hidden = HiddenAuthors.in(context);
        reader = hidden.fixtures.person("Search Reader", Role.PARTICIPANT);
        hidden.fixtures.join(hidden.jam, reader);
    }

    @Test
    void hiddenPostsAreFoundByTheirWordsUnderTheirBylineAndNeverByTheAuthorsName() throws Exception {
        String word = word();
        // No word of these posts may be a word of pseudonyms ("Honest Heron"): the last search looks for one.
        Post pseudonymous = hidden.pseudonymousIdea("Open budgets", "Show every team its budget " + word);
        Post anonymous = hidden.anonymousIdea("Open reviews", "Let us review our managers " + word);
        awaitFound(word, pseudonymous);
        awaitFound(word, anonymous);
        String pseudonym = pseudonyms.of(hidden.jam.id(), hidden.author.id());

        String json = api("/api/v1/search?q=" + word);
        hidden.assertNoTrace("/api/v1/search", json);
        assertThat(authorOf(json, pseudonymous)).isEqualTo(pseudonym);
        assertThat(authorOf(json, anonymous)).isEqualTo("Anonymous");
        String page = page("/search?q=" + word);
        hidden.assertNoTrace("/search", page);
        assertThat(page).contains(pseudonym).contains("Open budgets").contains("Open reviews");

        assertThat(ids(api("/api/v1/search?q=Quillfeather"))).doesNotContain(pseudonymous.id(), anonymous.id());
        assertThat(ids(api("/api/v1/search?q=Zephyrine+" + word))).doesNotContain(pseudonymous.id(), anonymous.id());
        assertThat(ids(api("/api/v1/search?q=" + pseudonym.split(" ")[0] + "+" + word)))
                .doesNotContain(pseudonymous.id(), anonymous.id());
    }

    @Test
    void noFilterSinglesOutAHiddenAuthorByWhatTheirBylineDoesNotShow() throws Exception {
        String word = word();
        Post pseudonymous = hidden.pseudonymousIdea("Quiet rooms", "Rooms without phones " + word);
        Post anonymous = hidden.anonymousIdea("Night shifts", "Rotate night shifts " + word);
        awaitFound(word, pseudonymous);
        awaitFound(word, anonymous);

        assertThat(ids(api("/api/v1/search?q=" + word + "&country=" + HiddenAuthors.COUNTRY)))
                .as("the organiser does not show countries").isEmpty();
        assertThat(ids(api("/api/v1/search?q=" + word + "&type=employee")))
                .as("a pseudonym shows its type, an anonymous post nothing").containsExactly(pseudonymous.id());
    }

    @Test
    void similarIdeasOfferedWhileWritingCarryNoTraceOfTheHiddenAuthor() throws Exception {
        String word = word();
        Post idea = hidden.pseudonymousIdea("Free buses for students",
                "Make the city buses free for all students " + word);
        awaitFound(word, idea);

        String html = mvc.perform(get("/search/similar").param("forum", String.valueOf(hidden.pseudonymous.id()))
                        .param("title", "Free city buses for students").param("body", "Students ride buses for free " + word)
                        .session(hidden.fixtures.signIn(reader))).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("/threads/" + idea.id());
        hidden.assertNoTrace("/search/similar", html);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    String word() {
        // Letters and digits in turn: the sentence encoder reads such a string as no word at all (ADR 58), so that
        // these tests of the words are not also matched by meaning, as two made-up words of letters alone can be.
        var letters = new StringBuilder("zk");
        for (int i = 0; i < 4; i++) {
            letters.append((char) ('a' + random.nextInt(26))).append(random.nextInt(10));
        }
        return letters.toString();
    }

    String api(String url) throws Exception {
        var response = mvc.perform(get(url).with(hidden.fixtures.bearer(reader))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    String page(String url) throws Exception {
        return mvc.perform(get(url).session(hidden.fixtures.signIn(reader))).andReturn().getResponse()
                .getContentAsString();
    }

    static List<Long> ids(String json) {
        List<Number> ids = JsonPath.read(json, "$.results[*].postId");
        return ids.stream().map(Number::longValue).toList();
    }

    static String authorOf(String json, Post post) {
        List<String> authors = JsonPath.read(json, "$.results[?(@.postId == " + post.id() + ")].author");
        return authors.getFirst();
    }

    void awaitFound(String word, Post post) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (ids(api("/api/v1/search?q=" + word)).contains(post.id())) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("Post " + post.id() + " was not found by \"" + word + "\"");
    }
}
