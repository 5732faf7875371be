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

    private String home(org.springframework.mock.web.MockHttpSession session) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/")
                .session(session).accept("text/html")).andReturn().getResponse().getContentAsString();
    }
}
