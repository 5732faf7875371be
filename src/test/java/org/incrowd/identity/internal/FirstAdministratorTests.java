package org.incrowd.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Role;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A fresh installation gets its first administrator through /setup, and only with the code printed on the console,
 * so nobody who merely reaches the page first can take it over.
 */
@IncrowdTest
@TestPropertySource(properties = "incrowd.test.context=first-administrator") // its own, empty database
class FirstAdministratorTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    SetupCode setupCode;

    private MockHttpServletRequestBuilder setup(String code) {
        return post("/setup").with(csrf()).accept("text/html").param("setupCode", code)
                .param("email", "first@example.org").param("password", "a long enough password")
                .param("displayName", "First Admin").param("participantType", "EMPLOYEE");
    }

    @Test
    void onlyTheConsolesSetupCodeCreatesTheFirstAdministratorAndOnlyOnce() throws Exception {
        assertThat(identity.hasAdministrator()).isFalse();
        assertThat(mvc.perform(get("/setup").accept("text/html")).andReturn().getResponse().getContentAsString())
                .contains("Setup code");

        var wrong = mvc.perform(setup("not-the-code")).andReturn().getResponse();
        assertThat(wrong.getStatus()).isEqualTo(403);
        assertThat(wrong.getContentAsString()).contains("This is not the setup code").contains("first@example.org");
        assertThat(identity.hasAdministrator()).isFalse();

        String code = setupCode.issue();
        var created = mvc.perform(setup(code)).andReturn().getResponse();
        assertThat(created.getRedirectedUrl()).isEqualTo("/?welcome");
        assertThat(identity.findByEmail("first@example.org").orElseThrow().roles()).contains(Role.ADMINISTRATOR);

        assertThat(mvc.perform(setup(code)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/setup").accept("text/html")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}
