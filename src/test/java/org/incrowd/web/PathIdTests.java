package org.incrowd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** An address whose id is not a number names nothing: "no such forum" with 404, in pages and in the API. */
@IncrowdTest
class PathIdTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext application;

    @Test
    void aPageAddressWithAnIdThatIsNotANumberSaysThereIsNoSuchThing() throws Exception {
        var fixtures = Fixtures.of(application);
        var session = fixtures.signIn(fixtures.person("Typo maker", Role.PARTICIPANT));

        var forum = mvc.perform(get("/forums/abc").session(session).accept(MediaType.TEXT_HTML)).andReturn()
                .getResponse();
        assertThat(forum.getStatus()).isEqualTo(404);
        assertThat(forum.getContentAsString()).contains("There is no such forum").doesNotContain("is not valid");

        var jam = mvc.perform(get("/jams/1x/pulse").session(session).accept(MediaType.TEXT_HTML)).andReturn()
                .getResponse();
        assertThat(jam.getStatus()).isEqualTo(404);
        assertThat(jam.getContentAsString()).contains("There is no such Jam");
    }

    @Test
    void anApiAddressWithAnIdThatIsNotANumberIsANotFoundProblem() throws Exception {
        var fixtures = Fixtures.of(application);
        var reader = fixtures.person("API typo maker", Role.PARTICIPANT);

        var post = mvc.perform(get("/api/v1/posts/first").with(fixtures.bearer(reader))).andReturn().getResponse();
        assertThat(post.getStatus()).isEqualTo(404);
        assertThat(post.getContentType()).isEqualTo("application/problem+json");
        assertThat(post.getContentAsString()).contains("\"code\":\"post.notFound\"");
    }
}
