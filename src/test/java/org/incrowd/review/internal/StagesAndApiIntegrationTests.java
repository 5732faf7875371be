package org.incrowd.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.List;
import org.incrowd.review.ReviewLedger;
import org.incrowd.review.ReviewStages;
import org.incrowd.review.Reviewing;
import org.incrowd.review.Stage;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Organisers shape a Jam's review stages; the review API answers with the same rules as the pages. */
@IncrowdTest
class StagesAndApiIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ReviewStages stages;
    @Autowired
    Reviewing reviewing;
    @Autowired
    ReviewLedger ledger;

    private org.springframework.mock.web.MockHttpServletResponse send(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            org.springframework.test.web.servlet.request.RequestPostProcessor who, String json) throws Exception {
        return mvc.perform(request.with(who).contentType(MediaType.APPLICATION_JSON).content(json)).andReturn()
                .getResponse();
    }

    @Test
    void anOrganiserRenamesAddsReordersAndRemovesStages() throws Exception {
        var fixtures = Fixtures.of(context);
        var organiser = fixtures.organiser();
        var jam = fixtures.liveJam("Staged Jam");
        var session = fixtures.signIn(organiser);
        assertThat(mvc.perform(get("/jams/" + jam.id() + "/review/stages").session(session)
                .with(Fixtures.browser())).andReturn().getResponse().getContentAsString())
                .contains("value=\"Under review\"").contains("value=\"Not pursued\"");

        var saved = mvc.perform(post("/jams/" + jam.id() + "/review/stages").session(session).with(csrf())
                .with(Fixtures.browser())
                .param("key", "new", "under-review", "selected", "in-progress", "implemented", "not-pursued", "")
                .param("name", "New", "Being costed", "Selected", "In progress", "Implemented", "Not pursued", "Pilot")
                .param("outcome", "NEW", "OPEN", "ACCEPTED", "ACCEPTED", "ACCEPTED", "DECLINED", "ACCEPTED")
                .param("order", "1", "2", "4", "5", "6", "7", "3")
                .param("remove", "in-progress")).andReturn().getResponse();

        assertThat(saved.getRedirectedUrl()).isEqualTo("/jams/" + jam.id() + "/review/stages?saved");
        assertThat(stages.of(jam.id()).stream().map(Stage::key))
                .containsExactly("new", "under-review", "pilot", "selected", "implemented", "not-pursued");
        assertThat(stages.find(jam.id(), "under-review").orElseThrow().name()).isEqualTo("Being costed");
        assertThat(stages.find(jam.id(), "selected").orElseThrow().name()).isNull();
        assertThat(ledger.ofJam(jam.id(), 0, 10)).anySatisfy(entry ->
                assertThat(entry.action()).isEqualTo(ReviewStages.STAGES_CONFIGURED));
    }

    @Test
    void aStageHoldingIdeasStaysAndTheFormKeepsWhatWasTyped() throws Exception {
        var fixtures = Fixtures.of(context);
        var organiser = fixtures.organiser();
        var jam = fixtures.liveJam("Kept Jam");
        var idea = fixtures.idea(fixtures.forum(jam, "Ideas"), "Bike racks");
        reviewing.decide(fixtures.actor(organiser), jam.id(), List.of(idea.id()), "selected", "Cheap and wanted.");

        var refused = mvc.perform(post("/jams/" + jam.id() + "/review/stages").session(fixtures.signIn(organiser))
                .with(csrf()).with(Fixtures.browser())
                .param("key", "new", "selected", "")
                .param("name", "New", "Selected", "Typed <i>stage</i>")
                .param("outcome", "NEW", "ACCEPTED", "OPEN")
                .param("order", "1", "2", "3")
                .param("remove", "selected")).andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("still holds one idea")
                .contains("value=\"Typed &lt;i>stage&lt;/i>\"")
                .containsPattern("value=\"selected\" checked");
        assertThat(stages.of(jam.id())).isEqualTo(ReviewStages.DEFAULTS);
    }

    @Test
    void theApiConfiguresStagesDecidesAndShowsAnIdeasReviewToParticipants() throws Exception {
        var fixtures = Fixtures.of(context);
        var organiser = fixtures.organiser();
        var jam = fixtures.liveJam("Api Jam");
        var author = fixtures.person("Api Author");
        fixtures.join(jam, author);
        var idea = fixtures.idea(fixtures.forum(jam, "Ideas"), author, "Solar roofs", "On every depot.");

        var newNotFirst = send(put("/api/v1/jams/" + jam.id() + "/review/stages"), fixtures.bearer(organiser),
                "{\"stages\": [{\"name\": \"Shortlist\", \"outcome\": \"OPEN\"}, "
                        + "{\"key\": \"new\", \"outcome\": \"NEW\"}]}");
        assertThat(newNotFirst.getStatus()).isEqualTo(422);
        assertThat(newNotFirst.getContentType()).startsWith("application/problem+json");

        var configured = send(put("/api/v1/jams/" + jam.id() + "/review/stages"), fixtures.bearer(organiser),
                "{\"stages\": [{\"key\": \"new\", \"outcome\": \"NEW\"}, "
                        + "{\"name\": \"Shortlist\", \"outcome\": \"OPEN\"}]}");
        assertThat(configured.getStatus()).isEqualTo(200);
        assertThat(configured.getContentAsString()).contains("\"key\":\"shortlist\"");

        var noReason = send(post("/api/v1/jams/" + jam.id() + "/review/decisions"), fixtures.bearer(organiser),
                "{\"ideas\": [" + idea.id() + "], \"stage\": \"shortlist\"}");
        assertThat(noReason.getStatus()).isEqualTo(422);
        assertThat(noReason.getContentAsString()).contains("reason");
        var byParticipant = send(post("/api/v1/jams/" + jam.id() + "/review/decisions"), fixtures.bearer(author),
                "{\"ideas\": [" + idea.id() + "], \"stage\": \"shortlist\", \"reason\": \"Mine\"}");
        assertThat(byParticipant.getStatus()).isEqualTo(403);

        var decided = send(post("/api/v1/jams/" + jam.id() + "/review/decisions"), fixtures.bearer(organiser),
                "{\"ideas\": [" + idea.id() + "], \"stage\": \"shortlist\", \"reason\": \"Worth costing.\"}");
        assertThat(decided.getStatus()).isEqualTo(200);
        var review = mvc.perform(get("/api/v1/ideas/" + idea.id() + "/review").with(fixtures.bearer(author)))
                .andReturn().getResponse().getContentAsString();
        assertThat(review).contains("\"key\":\"shortlist\"").contains("\"reason\":\"Worth costing.\"")
                .contains("\"action\":\"DECIDED\"").contains(organiser.displayName());
    }
}
