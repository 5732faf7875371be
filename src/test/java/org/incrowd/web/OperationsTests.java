package org.incrowd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** What operators and API users rely on: health, metrics for Prometheus, and a description of the API. */
@IncrowdTest
class OperationsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.context.ApplicationContext context;

    private String body(String path) throws Exception {
        var response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    @Test
    void healthIsUpWithoutSigningIn() throws Exception {
        assertThat(body("/actuator/health")).contains("\"status\":\"UP\"");
    }

    @Test
    void metricsAreReadableByPrometheusWithAnAdministratorsToken() throws Exception {
        var fixtures = Fixtures.of(context);
        var admin = fixtures.person("Metrics Admin", Role.ADMINISTRATOR);
        var participant = fixtures.person("Curious Participant", Role.PARTICIPANT);
        mvc.perform(get("/signin"));

        var scraped = mvc.perform(get("/actuator/prometheus").with(fixtures.bearer(admin))).andReturn().getResponse();
        assertThat(scraped.getStatus()).isEqualTo(200);
        assertThat(scraped.getContentAsString()).contains("# TYPE http_server_requests_seconds")
                .contains("jvm_memory_used_bytes");
        assertThat(mvc.perform(get("/actuator/prometheus").with(fixtures.bearer(participant))).andReturn()
                .getResponse().getStatus()).as("a participant").isEqualTo(403);
        assertThat(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus())
                .as("a guest").isEqualTo(401);
    }

    @Test
    void theApiDescriptionListsTheResourcesAndHowToAuthenticate() throws Exception {
        assertThat(body("/v3/api-docs"))
                .contains("\"title\":\"Incrowd API\"")
                .contains("/api/v1/jams", "/api/v1/forums/{forumId}/threads", "/api/v1/posts/{postId}/reaction",
                        "/api/v1/me/tokens")
                .contains("\"scheme\":\"bearer\"");
    }
}
