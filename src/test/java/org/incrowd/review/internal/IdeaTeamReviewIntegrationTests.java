package org.incrowd.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.incrowd.discussion.IdeaTeams;
import org.incrowd.discussion.PostDraft;
import org.incrowd.discussion.ProxyDetails;
import org.incrowd.discussion.ProxyIdeas;
import org.incrowd.identity.ParticipantType;
import org.incrowd.review.Reviewing;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The review sees an idea's team: in the queue, on the decision page, and the team hears of the decision. */
@IncrowdTest
class IdeaTeamReviewIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    IdeaTeams teams;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProxyIdeas proxies;
    @Autowired
    Reviewing reviewing;

    @Test
    void theQueueAndTheDecisionPageShowTheTeamAndTheDecisionReachesItsMembers() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Team review " + System.nanoTime());
        var forum = fixtures.forum(jam, "Yard");
        var author = fixtures.person("Ada Author");
        var member = fixtures.person("Tom <b>Teammate</b>");
        fixtures.join(jam, author);
        fixtures.join(jam, member);
        var idea = fixtures.idea(forum, author, "Covered bike racks", "Racks with a roof.");
        teams.join(fixtures.actor(member), idea.id());
        var session = fixtures.signIn(fixtures.organiser());

        String queue = mvc.perform(get("/jams/" + jam.id() + "/review").session(session).with(Fixtures.browser()))
                .andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("Team: Tom &lt;b&gt;Teammate&lt;/b&gt;").doesNotContain("<b>Teammate");
        String decisionPage = mvc.perform(get("/ideas/" + idea.id() + "/decision").session(session)
                .with(Fixtures.browser())).andReturn().getResponse().getContentAsString();
        assertThat(decisionPage).contains("Team: Tom &lt;b&gt;Teammate&lt;/b&gt;");

        var decided = mvc.perform(post("/ideas/" + idea.id() + "/decision").session(session).with(csrf())
                .with(Fixtures.browser()).param("stage", "selected").param("reason", "Cheap and wanted."))
                .andReturn().getResponse();
        assertThat(decided.getStatus()).isEqualTo(302);
        assertThat(jdbc.queryForList("select person_id from notification where kind = 'IDEA_DECIDED' and link = ?",
                Long.class, "/threads/" + idea.id())).containsExactlyInAnyOrderElementsOf(
                List.of(author.id(), member.id()));
    }

    @Test
    void aClaimedProxyIdeaIsReviewedAsItsPersonsAndItsDecisionReachesThem() {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Proxy review " + System.nanoTime());
        var forum = fixtures.forum(jam, "Depot");
        var supervisor = fixtures.person("Sam Supervisor");
        var maria = fixtures.person("Maria Driver", ParticipantType.PARTNER);
        fixtures.join(jam, supervisor);
        var entered = proxies.enter(fixtures.actor(supervisor), forum.id(),
                new PostDraft("Lights in the yard", "The yard is dark at 3 am.", ""),
                new ProxyDetails("Maria", "night shift, depot 4", "", true, "IN_PERSON"));
        fixtures.join(jam, maria);
        proxies.claim(fixtures.actor(maria), entered.claimCode());

        assertThat(jdbc.queryForMap("select author_id, author_type from idea_review where idea_id = ?",
                entered.idea().id())).containsEntry("AUTHOR_ID", maria.id()).containsEntry("AUTHOR_TYPE", "PARTNER");
        reviewing.decide(fixtures.actor(fixtures.organiser()), jam.id(), List.of(entered.idea().id()), "selected",
                "Safe yards first.");
        assertThat(jdbc.queryForList("select person_id from notification where kind = 'IDEA_DECIDED' and link = ?",
                Long.class, "/threads/" + entered.idea().id())).contains(maria.id()); // and the entrant, who follows it
    }
}
