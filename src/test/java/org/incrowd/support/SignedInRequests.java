package org.incrowd.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.HashMap;
import java.util.Map;
import org.incrowd.identity.Person;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Requests as a signed-in person's browser sends them (session, CSRF token): one password sign-in per person. */
public final class SignedInRequests {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final Map<Long, MockHttpSession> sessions = new HashMap<>();

    public SignedInRequests(MockMvc mvc, Fixtures fixtures) {
        this.mvc = mvc;
        this.fixtures = fixtures;
    }

    public MockHttpServletResponse send(Person person, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.session(session(person)).with(csrf()).with(Fixtures.browser())).andReturn()
                .getResponse();
    }

    /** A page the person may read (200), as HTML. */
    public String page(Person person, String path) throws Exception {
        var response = send(person, get(path));
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    private MockHttpSession session(Person person) throws Exception {
        var session = sessions.get(person.id());
        if (session == null) {
            session = fixtures.signIn(person);
            sessions.put(person.id(), session);
        }
        return session;
    }
}
