package org.incrowd.jam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.SignedInRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Organisers choose how authors appear, for the Jam and per forum, on the Jam's settings page and through the API;
 * once people have written, the mode moves only towards more privacy, and every change is in the audit trail (ADR 42).
 */
@IncrowdTest
class IdentityModeSettingsIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    IdentityModes modes;
    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    SignedInRequests requests;
    Jam jam;
    Forum forum;
    Person organiser;
    Person member;

    @BeforeEach
    void aJamWithAForum() {
        fixtures = Fixtures.of(context);
        requests = new SignedInRequests(mvc, fixtures);
        jam = fixtures.liveJam("Modes " + System.nanoTime());
        forum = fixtures.forum(jam, "Canteen");
        organiser = fixtures.organiser();
        member = fixtures.person("Mo Member", Role.PARTICIPANT);
        fixtures.join(jam, member);
    }

    @Test
    void theOrganiserChoosesPseudonymsWithTheCountryOnTheJamsSettingsPageAndTheAuditTrailRecordsIt() throws Exception {
        String form = requests.page(organiser, "/jams/" + jam.id() + "/edit");
        assertThat(form).contains("How authors appear").contains("value=\"PSEUDONYMOUS\"")
                .contains("Pseudonyms show the country").contains("Same as the Jam");

        var saved = requests.send(organiser, post("/jams/" + jam.id() + "/identity-mode")
                .param("mode", "PSEUDONYMOUS").param("showsCountry", "true"));

        assertThat(saved.getRedirectedUrl()).isEqualTo("/jams/" + jam.id() + "/edit?identityModeSaved#identity-mode");
        assertThat(modes.ofForum(forum.id())).isEqualTo(
                new IdentityModes.ForumIdentity(forum.id(), jam.id(), IdentityMode.PSEUDONYMOUS, true));
        assertThat(requests.page(organiser, "/jams/" + jam.id() + "/edit"))
                .containsPattern("value=\"PSEUDONYMOUS\" checked")
                .containsPattern("name=\"showsCountry\" value=\"true\" checked");
        assertThat(audit("jam:" + jam.id())).containsExactly("NAMED->PSEUDONYMOUS");
    }

    @Test
    void onceThereArePostsAPseudonymousJamCannotBecomeNamedAndTheFormSaysWhyKeepingTheChoice() throws Exception {
        modes.setForJam(fixtures.actor(organiser), jam.id(), IdentityMode.PSEUDONYMOUS, false);
        fixtures.idea(forum, member, "Longer lunch", "Thirty more minutes.");

        var refused = requests.send(organiser, post("/jams/" + jam.id() + "/identity-mode").param("mode", "NAMED"));

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString())
                .contains("cannot change from pseudonymous to named")
                .containsPattern("value=\"NAMED\" checked");
        assertThat(modes.ofJam(jam.id())).isEqualTo(IdentityMode.PSEUDONYMOUS);
        assertThat(audit("jam:" + jam.id())).containsExactly("NAMED->PSEUDONYMOUS");
    }

    @Test
    void onceThereArePostsTheModeMayStillMoveTowardsMorePrivacy() throws Exception {
        fixtures.idea(forum, member, "Quiet room", "A room without phones.");

        assertThat(requests.send(organiser, post("/jams/" + jam.id() + "/identity-mode").param("mode", "PSEUDONYMOUS"))
                .getStatus()).isEqualTo(302);
        assertThat(requests.send(organiser, post("/forums/" + forum.id() + "/identity-mode").param("mode", "ANONYMOUS"))
                .getRedirectedUrl()).isEqualTo("/jams/" + jam.id() + "/edit?identityModeSaved#forum-" + forum.id() + "-identity");

        assertThat(modes.ofForum(forum.id()).mode()).isEqualTo(IdentityMode.ANONYMOUS);
        assertThat(audit("forum:" + forum.id())).containsExactly("same-as-jam->ANONYMOUS");
    }

    @Test
    void aForumWithPostsCannotGoBackToFollowingALessPrivateJam() throws Exception {
        modes.setForForum(fixtures.actor(organiser), forum.id(), IdentityMode.ANONYMOUS);
        fixtures.idea(forum, member, "Honest reviews", "Review the managers.");

        var refused = requests.send(organiser, post("/forums/" + forum.id() + "/identity-mode").param("mode", ""));

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("cannot change from anonymous to named")
                .contains("id=\"identityMode-" + forum.id() + "-error\"");
        assertThat(modes.ofForum(forum.id()).mode()).isEqualTo(IdentityMode.ANONYMOUS);
    }

    @Test
    void onceWrittenUnderPseudonymsWithoutTheCountryPseudonymsCannotStartShowingIt() throws Exception {
        modes.setForJam(fixtures.actor(organiser), jam.id(), IdentityMode.PSEUDONYMOUS, false);
        fixtures.idea(forum, member, "Bikes", "Covered bike racks.");

        var refused = api(organiser, put("/api/v1/jams/" + jam.id() + "/identity-mode")
                .content("{\"mode\":\"PSEUDONYMOUS\",\"pseudonymShowsCountry\":true}"));

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("cannot start showing it");
        assertThat(modes.ofForum(forum.id()).showsCountry()).isFalse();
    }

    @Test
    void theApiReadsAndSetsTheModesOfJamAndForum() throws Exception {
        assertThat(api(organiser, get("/api/v1/jams/" + jam.id() + "/identity-mode")).getContentAsString())
                .isEqualTo("{\"mode\":\"NAMED\",\"pseudonymShowsCountry\":false}");

        var jamSet = api(organiser, put("/api/v1/jams/" + jam.id() + "/identity-mode")
                .content("{\"mode\":\"pseudonymous\",\"pseudonymShowsCountry\":true}"));
        var forumSet = api(organiser, put("/api/v1/forums/" + forum.id() + "/identity-mode")
                .content("{\"mode\":\"ANONYMOUS\"}"));

        assertThat(jamSet.getContentAsString()).isEqualTo("{\"mode\":\"PSEUDONYMOUS\",\"pseudonymShowsCountry\":true}");
        assertThat(forumSet.getContentAsString()).isEqualTo("{\"mode\":\"ANONYMOUS\",\"effectiveMode\":\"ANONYMOUS\"}");
        assertThat(api(organiser, put("/api/v1/forums/" + forum.id() + "/identity-mode").content("{\"mode\":null}"))
                .getContentAsString()).isEqualTo("{\"effectiveMode\":\"PSEUDONYMOUS\"}");
    }

    @Test
    void theApiRefusesAnUnknownModeWithAProblemAndParticipantsAltogether() throws Exception {
        var unknown = api(organiser, put("/api/v1/jams/" + jam.id() + "/identity-mode").content("{\"mode\":\"SECRET\"}"));
        assertThat(unknown.getStatus()).isEqualTo(400);
        assertThat(unknown.getContentType()).startsWith("application/problem+json");
        assertThat(unknown.getContentAsString()).contains("SECRET").contains("pseudonymous");

        assertThat(api(member, get("/api/v1/jams/" + jam.id() + "/identity-mode")).getStatus()).isEqualTo(403);
        assertThat(api(member, put("/api/v1/forums/" + forum.id() + "/identity-mode").content("{\"mode\":\"NAMED\"}"))
                .getStatus()).isEqualTo(403);
        assertThat(requests.send(member, post("/jams/" + jam.id() + "/identity-mode").param("mode", "ANONYMOUS"))
                .getStatus()).isEqualTo(403);
        assertThat(modes.ofJam(jam.id())).isEqualTo(IdentityMode.NAMED);
    }

    private MockHttpServletResponse api(Person person, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).with(fixtures.bearer(person))
                .with(Fixtures.servletPath())).andReturn().getResponse();
    }

    /** The recorded changes of this subject, oldest first, as "old->new" (details are "key=value" lines). */
    private java.util.List<String> audit(String subject) {
        return jdbc.sql("select details from audit_entry where action = 'identity-mode.changed' and subject = ? order by id")
                .param(subject).query(String.class).list().stream()
                .map(details -> {
                    var values = new java.util.HashMap<String, String>();
                    details.lines().filter(line -> line.contains("=")).forEach(line ->
                            values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
                    return values.get("old") + "->" + values.get("new");
                })
                .toList();
    }
}
