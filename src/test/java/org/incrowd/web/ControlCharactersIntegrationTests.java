package org.incrowd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import org.incrowd.identity.Role;
import org.incrowd.shared.ErrorPage;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A NUL or another control character in any text is refused at the door with a message that names the field, on H2
 * and PostgreSQL alike (PostgreSQL cannot store NUL, which was a 500 with a stack trace): the API answers 422, a
 * page's form is kept without those characters for the person to send again. Tabs and line breaks stay text.
 */
@IncrowdTest
class ControlCharactersIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    private Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = Fixtures.of(context);
    }

    /** A form sent by one of Incrowd's own pages, as a browser marks it. */
    private static RequestPostProcessor ownPage() {
        return request -> {
            request.addHeader("Sec-Fetch-Site", "same-origin");
            request.setContentType(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
            return request;
        };
    }

    private MockHttpServletResponse json(String method, String path, String body, RequestPostProcessor who)
            throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .request(org.springframework.http.HttpMethod.valueOf(method), path).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
    }

    private static void assertRefused(MockHttpServletResponse response, String field) throws Exception {
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat((String) JsonPath.read(response.getContentAsString(), "$.code")).isEqualTo("error.controlCharacter");
        assertThat((String) JsonPath.read(response.getContentAsString(), "$.field")).isEqualTo(field);
        assertThat(response.getContentAsString())
                .contains("invisible control character").contains("'" + field + "'")
                .doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void theApiRefusesControlCharactersInTokenNamesJamAndForumTitlesAndPosts() throws Exception {
        var organiser = fixtures.organiser();
        var jam = fixtures.liveJam("Control characters");
        var forum = fixtures.forum(jam, "Plain forum");
        var member = fixtures.person("Member with NUL");
        fixtures.join(jam, member);

        assertRefused(json("POST", "/api/v1/jams", """
                {"title":"Jam\\u0000","startsAt":"2030-01-01T10:00","endsAt":"2030-01-02T10:00","timeZone":"UTC",
                 "audience":["EMPLOYEE"]}""", fixtures.bearer(organiser)), "title");
        assertRefused(json("PUT", "/api/v1/forums/" + forum.id(), """
                {"title":"Forum\\u0000title"}""", fixtures.bearer(organiser)), "title");
        assertRefused(json("POST", "/api/v1/forums/" + forum.id() + "/threads", """
                {"title":"Fine","body":"Bell \\u0007 in the body"}""", fixtures.bearer(member)), "body");
        assertRefused(json("POST", "/api/v1/me/tokens", """
                {"name":"token\\u0000name"}""", fixtures.bearer(member)), "name");
        assertRefused(json("PATCH", "/api/v1/me", """
                {"displayName":"Null\\u0000Person"}""", fixtures.bearer(member)), "displayName");
        var search = mvc.perform(get("/api/v1/search").param("q", "quiet\u0000room").with(fixtures.bearer(member)))
                .andReturn().getResponse();
        assertRefused(search, "q");
        assertThat(fixtures.jams().forums(organiser.asActor(), jam.id())).extracting(f -> f.title())
                .containsExactly("Plain forum");

        var tabsAndLines = json("POST", "/api/v1/forums/" + forum.id() + "/threads", """
                {"title":"Tabs\\tand lines","body":"First line\\r\\nsecond\\tline"}""", fixtures.bearer(member));
        assertThat(tabsAndLines.getStatus()).isEqualTo(201);
    }

    @Test
    void aPageFormWithAControlCharacterIsKeptWithoutItForThePersonToSendAgain() throws Exception {
        var organiser = fixtures.organiser();
        var session = fixtures.signIn(organiser);
        var jam = fixtures.liveJam("Kept forms");

        var sent = mvc.perform(post("/jams/" + jam.id() + "/forums").session(session).with(csrf()).with(ownPage())
                .with(Fixtures.browser()).param("forumTitle", "Depots\u0000 and yards")
                .param("forumQuestion", "What should change?")).andReturn().getResponse();
        assertThat(sent.getStatus()).isEqualTo(303);
        assertThat(sent.getHeader("Location")).isEqualTo("/kept");

        String kept = mvc.perform(get("/kept").session(session).with(Fixtures.browser())).andReturn().getResponse()
                .getContentAsString();
        assertThat(kept).contains("the field 'forumTitle' contained invisible control characters")
                .contains(">Depots and yards</textarea>").contains(">What should change?</textarea>")
                .contains("action=\"/jams/" + jam.id() + "/forums\"");
        assertThat(fixtures.jams().forums(organiser.asActor(), jam.id())).isEmpty();
    }

    @Test
    void signUpWithANulInTheAddressIsRefusedWithoutAnAccount() throws Exception {
        long people = fixtures.identity().count();
        var session = new MockHttpSession();
        var sent = mvc.perform(post("/signup").session(session).with(csrf()).with(ownPage()).with(Fixtures.browser())
                .param("email", "nul\u0000@example.org").param("password", "a long enough password")
                .param("displayName", "Nul").param("participantType", "EMPLOYEE")).andReturn().getResponse();
        assertThat(sent.getStatus()).isEqualTo(303);
        String kept = mvc.perform(get("/kept").session(session).with(Fixtures.browser())).andReturn().getResponse()
                .getContentAsString();
        assertThat(kept).contains("'email'").contains(">nul@example.org</textarea>")
                .doesNotContain("a long enough password");
        assertThat(fixtures.identity().count()).isEqualTo(people);
    }

    @Test
    void aControlCharacterInALinkGetsTheErrorPageNamingTheField() throws Exception {
        var reader = fixtures.person("Reader", Role.PARTICIPANT);
        var page = mvc.perform(get("/search").param("q", "a\u0000b").session(fixtures.signIn(reader))
                .with(Fixtures.browser())).andReturn();
        // MockMvc does not run the servlet container's error dispatch: the status and the chosen message say it.
        assertThat(page.getResponse().getStatus()).isEqualTo(400);
        assertThat(page.getRequest().getAttribute(ErrorPage.MESSAGE_KEY)).isEqualTo("error.controlCharacter");
        assertThat((Object[]) page.getRequest().getAttribute(ErrorPage.MESSAGE_ARGUMENTS)).containsExactly("q");
    }
}
