package org.incrowd.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.HashMap;
import java.util.Map;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What a facilitator hides stays hidden wherever the post could show through: its title where it names a thread
 * (every reply, the activity stream, the forum's list in the API), its earlier versions, and its author's edits.
 * Its author and the forum's staff still read all of it.
 */
@IncrowdTest
class HiddenPostsIntegrationTests {

    static final String TITLE = "Parking for Bob from HR";
    static final String FIRST_VERSION = "Bob from HR always parks across two spaces.";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    Fixtures fixtures;
    Jam jam;
    Forum forum;
    Person author;
    Person reader;
    Person replier;
    Person facilitator;
    Post idea;
    Post reply;

    @BeforeEach
    void aHiddenIdeaWithAReplyAndAnEarlierVersion() throws Exception {
        fixtures = Fixtures.of(context);
        jam = fixtures.liveJam("Hidden " + System.nanoTime());
        forum = fixtures.forum(jam, "Parking");
        author = fixtures.person("Ann Author", Role.PARTICIPANT);
        reader = fixtures.person("Rita Reader", Role.PARTICIPANT);
        replier = fixtures.person("Ray Replier", Role.PARTICIPANT);
        facilitator = fixtures.person("Fay Facilitator", Role.PARTICIPANT);
        fixtures.join(jam, author);
        fixtures.join(jam, reader);
        fixtures.join(jam, replier);
        fixtures.facilitator(forum, facilitator);
        idea = fixtures.idea(forum, author, TITLE, FIRST_VERSION);
        api(author, patch("/api/v1/posts/" + idea.id()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"" + TITLE + "\",\"body\":\"Reserved spaces for night staff.\"}"));
        reply = fixtures.reply(idea, replier, "Night staff need them most.");
        var hidden = page(facilitator, post("/posts/" + idea.id() + "/hide").param("reason", "No names, please"));
        assertThat(hidden.getStatus()).isEqualTo(302);
    }

    @Test
    void aHiddenIdeasTitleIsWithheldFromOtherReadersWhereverTheApiNamesItsThread() throws Exception {
        for (String path : new String[] {"/api/v1/posts/" + idea.id(), "/api/v1/posts/" + reply.id(),
                "/api/v1/threads/" + idea.id(), "/api/v1/forums/" + forum.id() + "/threads",
                "/api/v1/jams/" + jam.id() + "/activity"}) {
            var response = api(reader, get(path));
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            assertThat(response.getContentAsString()).as(path).doesNotContain("Bob from HR");
        }
        assertThat(api(reader, get("/api/v1/posts/" + reply.id())).getContentAsString())
                .contains("Night staff need them most.").doesNotContain("\"threadTitle\"");
        assertThat(page(reader, get("/jams/" + jam.id())).getContentAsString())
                .contains("Ray Replier replied to a hidden idea").doesNotContain("Bob from HR");
    }

    @Test
    void theAuthorAndTheForumsFacilitatorsStillReadTheHiddenTitle() throws Exception {
        for (Person person : new Person[] {author, facilitator}) {
            assertThat(api(person, get("/api/v1/posts/" + reply.id())).getContentAsString())
                    .contains("\"threadTitle\":\"" + TITLE + "\"");
        }
    }

    @Test
    void aHiddenPostsEarlierVersionsAreWithheldFromOtherReaders() throws Exception {
        var api = api(reader, get("/api/v1/posts/" + idea.id() + "/history"));
        assertThat(api.getStatus()).isEqualTo(403);
        assertThat(api.getContentAsString()).contains("shown only to its author").doesNotContain("Bob from HR");

        var page = page(reader, get("/posts/" + idea.id() + "/history"));
        assertThat(page.getStatus()).isEqualTo(403);
        assertThat(page.getContentAsString()).contains("shown only to its author").doesNotContain("Bob from HR");
        assertThat(page(reader, get("/threads/" + idea.id())).getContentAsString())
                .doesNotContain("/posts/" + idea.id() + "/history");

        assertThat(api(author, get("/api/v1/posts/" + idea.id() + "/history")).getContentAsString())
                .contains(FIRST_VERSION);
        assertThat(page(facilitator, get("/posts/" + idea.id() + "/history")).getContentAsString())
                .contains(FIRST_VERSION);
    }

    @Test
    void theAuthorCannotEditAHiddenPostAndIsToldWhy() throws Exception {
        var api = api(author, patch("/api/v1/posts/" + idea.id()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Harmless\",\"body\":\"Nothing to see.\"}"));
        assertThat(api.getStatus()).isEqualTo(409);
        assertThat(api.getContentAsString()).contains("can no longer be edited", "post.edit.hidden");

        var form = page(author, post("/posts/" + idea.id() + "/edit").param("title", "Harmless")
                .param("body", "Nothing to see, typed with care."));
        assertThat(form.getStatus()).isEqualTo(409);
        assertThat(form.getContentAsString()).contains("can no longer be edited", "Nothing to see, typed with care.");

        var editPage = page(author, get("/posts/" + idea.id() + "/edit"));
        assertThat(editPage.getStatus()).isEqualTo(409);
        assertThat(editPage.getContentAsString()).contains("can no longer be edited");

        assertThat(api(author, get("/api/v1/posts/" + idea.id())).getContentAsString())
                .contains("Reserved spaces for night staff.").doesNotContain("Nothing to see");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private MockHttpServletResponse api(Person person, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(fixtures.bearer(person)).with(Fixtures.servletPath())).andReturn()
                .getResponse();
    }

    private final Map<Long, MockHttpSession> sessions = new HashMap<>();

    private MockHttpServletResponse page(Person person, MockHttpServletRequestBuilder request) throws Exception {
        var session = sessions.get(person.id());
        if (session == null) {
            session = fixtures.signIn(person);
            sessions.put(person.id(), session);
        }
        return mvc.perform(request.session(session).with(csrf()).with(Fixtures.browser())).andReturn().getResponse();
    }
}
