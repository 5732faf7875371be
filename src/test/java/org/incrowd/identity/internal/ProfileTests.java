package org.incrowd.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A person's profile and session: people cannot change their own participant type (Jams choose their audience by
 * it), administrators can; a change of roles shows on the person's very next page.
 */
@IncrowdTest
class ProfileTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    ApplicationContext context;

    @Test
    void aPersonCannotChangeTheirOwnParticipantTypeOnThePageOrThroughTheApi() throws Exception {
        var fixtures = Fixtures.of(context);
        var outsider = fixtures.person("Public Pat", ParticipantType.PUBLIC, Role.PARTICIPANT);
        var session = fixtures.signIn(outsider);

        var page = mvc.perform(post("/profile").session(session).with(csrf()).accept("text/html")
                .param("displayName", "Public Pat").param("participantType", "EMPLOYEE")).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(422);
        assertThat(page.getContentAsString()).contains("Only an administrator can change how you take part.");

        var api = mvc.perform(patch("/api/v1/me").with(fixtures.bearer(outsider))
                .contentType(MediaType.APPLICATION_JSON).content("{\"participantType\":\"EMPLOYEE\"}"))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(422);
        assertThat(api.getContentAsString()).contains("\"field\":\"participantType\"");
        assertThat(identity.require(outsider.id()).participantType()).isEqualTo(ParticipantType.PUBLIC);

        // Everything else on the profile stays theirs to change (the locked choice is simply not sent).
        var renamed = mvc.perform(post("/profile").session(session).with(csrf()).accept("text/html")
                .param("displayName", "Pat Public")).andReturn().getResponse();
        assertThat(renamed.getRedirectedUrl()).isEqualTo("/profile?saved");
        assertThat(identity.require(outsider.id()).displayName()).isEqualTo("Pat Public");
        assertThat(identity.require(outsider.id()).participantType()).isEqualTo(ParticipantType.PUBLIC);
    }

    @Test
    void anAdministratorCanChangeSomeonesParticipantType() {
        var fixtures = Fixtures.of(context);
        var admin = fixtures.person("Admin Ada", Role.ADMINISTRATOR);
        var client = fixtures.person("Client Cleo", ParticipantType.CLIENT, Role.PARTICIPANT);
        var changed = identity.updateProfile(admin.asActor(), client.id(), new org.incrowd.identity.ProfileChange(
                client.displayName(), null, null, null, ParticipantType.PARTNER, null));
        assertThat(changed.participantType()).isEqualTo(ParticipantType.PARTNER);
    }

    @Test
    void anOrganiserWhoLosesTheRoleNoLongerSeesTheNewJamLink() throws Exception {
        var fixtures = Fixtures.of(context);
        var admin = fixtures.person("Role Admin", Role.ADMINISTRATOR);
        var organiser = fixtures.person("Former Organiser", Role.ORGANISER, Role.PARTICIPANT);
        var session = fixtures.signIn(organiser);
        assertThat(home(session)).contains("href=\"/jams/new\"");

        identity.changeRoles(admin.asActor(), organiser.id(), java.util.EnumSet.of(Role.PARTICIPANT));

        assertThat(home(session)).doesNotContain("href=\"/jams/new\"").contains("Former Organiser");
    }

    @Test
    void aTokenCannotCreateTokensSoRevokingItEndsItsReach() throws Exception {
        var fixtures = Fixtures.of(context);
        var person = fixtures.person("Token Tess", Role.PARTICIPANT);
        String token = fixtures.token(person);
        int before = fixtures.tokens().list(person.id()).size();

        var api = mvc.perform(post("/api/v1/me/tokens").with(Fixtures.bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"child\"}")).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(403);
        assertThat(api.getContentAsString()).contains("A token cannot create tokens");
        var page = mvc.perform(post("/profile/tokens").with(Fixtures.bearer(token)).accept("text/html")
                .param("name", "child")).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(403);
        assertThat(fixtures.tokens().list(person.id())).hasSize(before);

        // With a session, on the profile page, tokens are made as before.
        var session = fixtures.signIn(person);
        var made = mvc.perform(post("/profile/tokens").session(session).with(csrf()).accept("text/html")
                .param("name", "laptop")).andReturn().getResponse();
        assertThat(made.getStatus()).isEqualTo(200);
        assertThat(fixtures.tokens().list(person.id())).hasSize(before + 1);
    }

    @Test
    void aDisplayNameWithDirectionOverridesOrZeroWidthCharactersIsRefused() throws Exception {
        var fixtures = Fixtures.of(context);
        var person = fixtures.person("Plain Paula", Role.PARTICIPANT);
        var session = fixtures.signIn(person);
        for (String name : new String[] {"Admin\u202Enimda", "Ad\u200Bmin", "\u2067Paula\u2069", "Paula\uFEFF"}) {
            var page = mvc.perform(post("/profile").session(session).with(csrf()).accept("text/html")
                    .param("displayName", name)).andReturn().getResponse();
            assertThat(page.getStatus()).as(name).isEqualTo(422);
            assertThat(page.getContentAsString()).contains("Use a name without invisible characters");
        }
        assertThat(identity.require(person.id()).displayName()).isEqualTo("Plain Paula");
        // Joiners stay: Persian names need the zero-width non-joiner.
        var persian = mvc.perform(post("/profile").session(session).with(csrf()).accept("text/html")
                .param("displayName", "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645")).andReturn().getResponse();
        assertThat(persian.getStatus()).isEqualTo(302);
    }

    private String home(org.springframework.mock.web.MockHttpSession session) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/")
                .session(session).accept("text/html")).andReturn().getResponse().getContentAsString();
    }
}
