package org.incrowd.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.incrowd.identity.Person;
import org.incrowd.identity.ProfileChange;
import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A person, their roles and whether their account is active are cached, because every signed-in request and every
 * byline reads them (ADR 51). Each test reads a page first, so that the cache holds the old person, changes them
 * through the application, and reads again: the change shows on the very next page.
 */
@IncrowdTest
class CachedPeopleIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    PeopleAdministration administration;

    Fixtures fixtures;
    Person administrator;

    @BeforeEach
    void setUp() {
        fixtures = Fixtures.of(context);
        administrator = fixtures.person("Cache administrator", Role.ADMINISTRATOR, Role.PARTICIPANT);
    }

    private MockHttpServletResponse page(String path, MockHttpSession session) throws Exception {
        return Fixtures.page(mvc, path, session);
    }

    @Test
    void aRenamedAuthorAppearsUnderTheNewNameOnTheNextPage() throws Exception {
        var jam = fixtures.liveJam("Cached names " + System.nanoTime());
        var forum = fixtures.forum(jam, "Travel");
        var ana = fixtures.person("Ana Alder", Role.PARTICIPANT);
        fixtures.join(jam, ana);
        var idea = fixtures.idea(forum, ana, "Night trains", "Sleep on the way there.");
        var session = fixtures.signIn(ana);
        assertThat(page("/threads/" + idea.id(), session).getContentAsString()).contains("Ana Alder");

        fixtures.identity().updateProfile(fixtures.actor(ana), ana.id(),
                new ProfileChange("Ana Birch", null, null, null, null, null));

        var thread = page("/threads/" + idea.id(), session).getContentAsString();
        assertThat(thread).contains("Ana Birch").doesNotContain("Ana Alder");
    }

    @Test
    void anAdministratorWhoseRoleIsTakenAwayIsRefusedAtOnce() throws Exception {
        var bo = fixtures.person("Bo", Role.ADMINISTRATOR, Role.PARTICIPANT);
        var session = fixtures.signIn(bo);
        assertThat(page("/admin/people", session).getStatus()).isEqualTo(200);

        fixtures.identity().changeRoles(fixtures.actor(administrator), bo.id(), Set.of(Role.PARTICIPANT));

        assertThat(page("/admin/people", session).getStatus()).isEqualTo(403);
    }

    @Test
    void aDeactivatedAccountIsSignedOutAtItsNextRequest() throws Exception {
        var cy = fixtures.person("Cy", Role.PARTICIPANT);
        var session = fixtures.signIn(cy);
        assertThat(page("/profile", session).getStatus()).isEqualTo(200);

        administration.setActive(fixtures.actor(administrator), cy.id(), false, "Left the company");

        var after = page("/profile", session);
        assertThat(after.getStatus()).isEqualTo(302);
        assertThat(after.getRedirectedUrl()).contains("/signin");
    }
}
