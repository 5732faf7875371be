package org.incrowd.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.incrowd.discussion.Post;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.review.IdeaJoins;
import org.incrowd.review.JoinKind;
import org.incrowd.review.JoinState;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.SignedInRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** What staff and authors see and do on the pages and through the API when duplicates are joined. */
@IncrowdTest
class JoinPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    IdeaJoins joins;

    Fixtures fixtures;
    SignedInRequests requests;
    Jam jam;
    Forum forum;
    Person ada;
    Person ben;
    Person facilitator;
    Post duplicate;
    Post survivor;

    @BeforeEach
    void twoIdeas() {
        fixtures = Fixtures.of(context);
        requests = new SignedInRequests(mvc, fixtures);
        jam = fixtures.liveJam("Join pages");
        forum = fixtures.forum(jam, "Ideas");
        ada = member("Ada Author");
        ben = member("Ben Author");
        facilitator = fixtures.person("Fay Facilitator", Role.PARTICIPANT);
        fixtures.facilitator(forum, facilitator);
        duplicate = fixtures.idea(forum, ada, "Night buses", "Buses after the late shift.");
        survivor = fixtures.idea(forum, ben, "Late buses", "A bus when the shift ends.");
    }

    @Test
    void aFacilitatorProposesFromTheIdeaAndARefusedFormKeepsWhatWasTyped() throws Exception {
        assertThat(requests.page(facilitator, "/threads/" + duplicate.id()))
                .contains("href=\"/ideas/" + duplicate.id() + "/join\"");
        assertThat(requests.page(ada, "/threads/" + duplicate.id())).doesNotContain("/ideas/" + duplicate.id() + "/join");
        assertThat(requests.page(facilitator, "/ideas/" + duplicate.id() + "/join"))
                .contains("<option value=\"" + survivor.id() + "\">Late buses</option>");

        var refused = requests.send(facilitator, post("/ideas/" + duplicate.id() + "/join").param("kind", "MERGE_INTO_OTHER")
                .param("other", "/threads/" + survivor.id()).param("note", "  "));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("Write why these ideas belong together")
                .contains("value=\"/threads/" + survivor.id() + "\"");

        var sent = requests.send(facilitator, post("/ideas/" + duplicate.id() + "/join").param("kind", "MERGE_INTO_OTHER")
                .param("other", "/threads/" + survivor.id()).param("note", "Same <script>alert(1)</script> bus"));
        assertThat(sent.getStatus()).isEqualTo(302);
        String page = sent.getRedirectedUrl();
        var html = requests.page(ada, page);
        assertThat(html).contains("Same &lt;script&gt;alert(1)&lt;/script&gt; bus").doesNotContain("<script>alert(1)")
                .contains("name=\"answer\" value=\"accept\"");
        assertThat(requests.page(ada, "/threads/" + duplicate.id())).contains("awaits its authors’ consent");
        assertThat(requests.page(fixtures.person("Nosy", Role.PARTICIPANT), page))
                .doesNotContain("name=\"answer\"");
    }

    @Test
    void bothAuthorsAcceptOnThePageAndTheJoinedThreadLeadsToTheSurvivor() throws Exception {
        var voter = member("Val Voter");
        fixtures.reacting().react(fixtures.actor(voter), duplicate.id(), ReactionKind.AGREE);
        var join = joins.propose(fixtures.actor(facilitator), jam.id(), JoinKind.MERGE, duplicate.id(), survivor.id(),
                "Same bus");

        requests.send(ada, post("/joins/" + join.id() + "/consent").param("answer", "accept"));
        assertThat(joins.require(fixtures.actor(ada), join.id()).state()).isEqualTo(JoinState.PROPOSED);
        var answered = requests.send(ben, post("/joins/" + join.id() + "/consent").param("answer", "accept"));

        assertThat(answered.getRedirectedUrl()).isEqualTo("/joins/" + join.id());
        assertThat(requests.page(ben, "/joins/" + join.id())).contains("Carried out").contains("1 agree");
        assertThat(requests.page(voter, "/threads/" + duplicate.id())).contains("Joined into")
                .contains("href=\"/threads/" + survivor.id() + "\"");
        assertThat(requests.page(voter, "/threads/" + survivor.id())).contains("Joined into this idea:")
                .contains("“Night buses”");
        assertThat(requests.page(facilitator, "/joins/" + join.id())).contains("action=\"/joins/" + join.id() + "/undo\"");
    }

    @Test
    void theApiProposesAnswersAndUndoesWithProblemsForBadRequests() throws Exception {
        var organiser = fixtures.organiser();
        String token = fixtures.token(organiser);
        var bad = mvc.perform(post("/api/v1/jams/" + jam.id() + "/joins").with(Fixtures.bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind": "LINK", "ideaId": %d, "otherId": %d}""".formatted(duplicate.id(), survivor.id())))
                .andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(bad.getContentType()).contains("application/problem+json");
        assertThat(bad.getContentAsString()).contains("note");

        var created = mvc.perform(post("/api/v1/jams/" + jam.id() + "/joins").with(Fixtures.bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind": "LINK", "ideaId": %d, "otherId": %d, "note": "Related"}"""
                        .formatted(duplicate.id(), survivor.id())))
                .andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.getContentAsString()).contains("\"state\":\"PROPOSED\"");
        long id = joins.standingOf(java.util.List.of(duplicate.id())).getFirst().id();

        var participant = mvc.perform(post("/api/v1/joins/" + id + "/undo").with(Fixtures.bearer(fixtures.token(ada)))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Mine\"}")).andReturn().getResponse();
        assertThat(participant.getStatus()).isEqualTo(403);
        for (var author : java.util.List.of(ada, ben)) {
            assertThat(mvc.perform(post("/api/v1/joins/" + id + "/consent").with(Fixtures.bearer(fixtures.token(author)))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"accept\": true}")).andReturn().getResponse()
                    .getStatus()).isEqualTo(200);
        }
        assertThat(requests.page(ada, "/threads/" + duplicate.id())).contains("See also:").contains("“Late buses”");
        var undone = mvc.perform(post("/api/v1/joins/" + id + "/undo").with(Fixtures.bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Not the same\"}")).andReturn()
                .getResponse();
        assertThat(undone.getContentAsString()).contains("\"state\":\"UNDONE\"");
    }

    private Person member(String name) {
        var person = fixtures.person(name, Role.PARTICIPANT);
        fixtures.join(jam, person);
        return person;
    }
}
