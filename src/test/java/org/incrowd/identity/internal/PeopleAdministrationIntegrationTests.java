package org.incrowd.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.EnumSet;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.identity.Registration;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Administrators find anyone among everyone, and deactivate accounts with a reason: a deactivated person cannot sign
 * in by password or API token, is told no more than that signing in did not work, and their open sessions end.
 */
@IncrowdTest
class PeopleAdministrationIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    Fixtures fixtures;
    Person admin;
    MockHttpSession adminSession;
    /** Unique per test run, so searches here find only what this test made (contexts share a database). */
    String run;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = Fixtures.of(context);
        admin = fixtures.person("Adele Admin", Role.ADMINISTRATOR);
        adminSession = fixtures.signIn(admin);
        run = Long.toString(System.nanoTime(), 36);
    }

    Person person(String name, String country, String unit, ParticipantType type, Role... roles) {
        return fixtures.identity().registerWithHash(new Registration(fixtures.email(name), Fixtures.PASSWORD, name,
                country, unit, "Analyst", type, null), fixtures.identity().hashPassword(Fixtures.PASSWORD),
                roles.length == 0 ? EnumSet.of(Role.PARTICIPANT) : EnumSet.of(roles[0], roles));
    }

    /** The people page for a search given as name, value, name, value… */
    String search(String... criteria) throws Exception {
        var request = get("/admin/people").session(adminSession);
        for (int i = 0; i < criteria.length; i += 2) {
            request.param(criteria[i], criteria[i + 1]);
        }
        var response = perform(request);
        assertThat(response.getStatus()).as(String.join(" ", criteria)).isEqualTo(200);
        return response.getContentAsString();
    }

    MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(Fixtures.browser()).with(Fixtures.servletPath())).andReturn().getResponse();
    }

    MockHttpServletResponse change(Person person, String action, String field, String value) throws Exception {
        return perform(post("/admin/people/" + person.id() + "/" + action).session(adminSession).with(csrf())
                .param(field, value));
    }

    @Test
    void administratorsFindPeopleByAnyPartOfNameAddressOrUnitInAnyCaseAndByCountry() throws Exception {
        var wanted = person("Zelda Quennell-" + run, "NO", "Fjord Research " + run, ParticipantType.ACADEMIC);
        var other = person("Yusuf Quennell-" + run, "DE", "Harbour Ops " + run, ParticipantType.EMPLOYEE);

        assertThat(search("name", "zelda quennell-" + run)).contains(wanted.email())
                .doesNotContain(other.email());
        assertThat(search("name", "QUENNELL-" + run)).contains(wanted.email(), other.email());
        assertThat(search("email", wanted.email().substring(3, 20).toUpperCase()))
                .contains(wanted.email());
        assertThat(search("unit", "research " + run)).contains(wanted.email())
                .doesNotContain(other.email());
        assertThat(search("country", "no", "name", run)).contains(wanted.email())
                .doesNotContain(other.email());
    }

    @Test
    void administratorsFilterByParticipantTypeRoleAndAccountState() throws Exception {
        var academic = person("Filter Academic " + run, null, null, ParticipantType.ACADEMIC);
        var organiser = person("Filter Organiser " + run, null, null, ParticipantType.EMPLOYEE, Role.ORGANISER);

        assertThat(search("type", "ACADEMIC", "name", run)).contains(academic.email())
                .doesNotContain(organiser.email());
        assertThat(search("role", "ORGANISER", "name", run)).contains(organiser.email())
                .doesNotContain(academic.email());
        change(academic, "deactivate", "reason", "Left the project");
        assertThat(search("status", "DEACTIVATED", "name", run)).contains(academic.email())
                .doesNotContain(organiser.email());
        assertThat(search("status", "ACTIVE", "name", run)).contains(organiser.email())
                .doesNotContain(academic.email());
    }

    @Test
    void aSearchWithAnUnknownChoiceIsAnsweredWithABadRequestThatSaysSo() throws Exception {
        var response = perform(get("/admin/people?type=ROBOT").session(adminSession));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("This is not one of the choices of the search form.");
    }

    @Test
    void wildcardsTypedInASearchAreTakenLiterally() throws Exception {
        person("Percent Person " + run, null, null, ParticipantType.EMPLOYEE);

        assertThat(search("name", "%" + run)).contains("Nobody matches this search.");
    }

    @Test
    void aDeactivatedPersonCannotSignInAndIsToldNothingMore() throws Exception {
        var person = person("Dora Deactivated " + run, null, null, ParticipantType.EMPLOYEE);
        String token = fixtures.token(person);

        var deactivated = change(person, "deactivate", "reason", "Asked to leave the pilot");
        assertThat(deactivated.getRedirectedUrl()).isEqualTo("/admin/people?done=deactivated");

        var signIn = perform(post("/signin").param("email", person.email()).param("password", Fixtures.PASSWORD)
                .with(csrf()).with(Fixtures.from(Fixtures.newAddress())));
        assertThat(signIn.getRedirectedUrl()).endsWith("/signin?error");
        var signInPage = perform(get("/signin").param("error", ""));
        assertThat(signInPage.getContentAsString()).contains("The e-mail address or the password is not right.")
                .doesNotContainIgnoringCase("deactivat")
                .doesNotContain("Asked to leave");

        var api = perform(get("/api/v1/me").with(Fixtures.bearer(token)));
        assertThat(api.getStatus()).isEqualTo(401);
        assertThat(api.getContentAsString()).doesNotContainIgnoringCase("deactivat").doesNotContain(person.email());
    }

    @Test
    void aDeactivatedPersonsOpenSessionEndsAtTheirNextRequestAndTheirPostsStay() throws Exception {
        var person = person("Sam Session " + run, null, null, ParticipantType.EMPLOYEE);
        var jam = fixtures.liveJam("Deactivation keeps posts");
        var forum = fixtures.forum(jam, "Ideas");
        fixtures.join(jam, person);
        var idea = fixtures.idea(forum, person, "Still here afterwards", "Written before the deactivation.");
        var session = fixtures.signIn(person);
        assertThat(perform(get("/profile").session(session)).getStatus()).isEqualTo(200);

        change(person, "deactivate", "reason", "Account compromised");

        var next = perform(get("/profile").session(session));
        assertThat(next.getStatus()).isEqualTo(302);
        assertThat(next.getRedirectedUrl()).endsWith("/signin");
        assertThat(fixtures.reading().require(admin.asActor(), idea.id()).title()).isEqualTo("Still here afterwards");
    }

    @Test
    void aReactivatedPersonSignsInAgainAndTheHistorySaysWhoWhenAndWhy() throws Exception {
        var person = person("Rita Returning " + run, null, null, ParticipantType.EMPLOYEE);
        change(person, "deactivate", "reason", "On leave for a year");

        var reactivated = change(person, "reactivate", "reason", "Back from leave");

        assertThat(reactivated.getRedirectedUrl()).isEqualTo("/admin/people?done=reactivated");
        fixtures.signIn(person);
        assertThat(search("email", person.email())).contains("Account history")
                .contains("deactivated by Adele Admin", "On leave for a year")
                .contains("reactivated by Adele Admin", "Back from leave");
    }

    @Test
    void aDeactivationWithoutReasonIsRefusedAndChangesNothing() throws Exception {
        var person = person("Nora Noreason " + run, null, null, ParticipantType.EMPLOYEE);

        var refused = change(person, "deactivate", "reason", "   ");

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("Write down why: other administrators read it.")
                .contains(person.email());
        fixtures.signIn(person);
    }

    @Test
    void administratorsCannotDeactivateThemselves() throws Exception {
        var refused = change(admin, "deactivate", "reason", "Oops");

        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(perform(get("/admin/people").session(adminSession)).getStatus()).isEqualTo(200);
    }

    @Test
    void aScriptInADeactivationReasonStaysText() throws Exception {
        var person = person("Xavier Script " + run, null, null, ParticipantType.EMPLOYEE);

        change(person, "deactivate", "reason", "<script>alert('reason')</script>");

        assertThat(search("email", person.email())).doesNotContain("<script>alert(")
                .contains("&lt;script&gt;alert(");
    }

    @Test
    void administratorsChangeAParticipantTypeAndComeBackToTheirSearch() throws Exception {
        var person = person("Tom Typechange " + run, null, null, ParticipantType.EMPLOYEE);

        var changed = perform(post("/admin/people/" + person.id() + "/type").session(adminSession).with(csrf())
                .param("participantType", "PARTNER").param("back", "name=typechange"));

        assertThat(changed.getRedirectedUrl()).isEqualTo("/admin/people?name=typechange&done=typeChanged");
        assertThat(fixtures.identity().require(person.id()).participantType()).isEqualTo(ParticipantType.PARTNER);
    }
}
