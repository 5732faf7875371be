package org.incrowd.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.incrowd.identity.ImportedPerson;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Invitations;
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
 * Every family of administrative acts lands in the audit trail with who did it, what, to what and (where the act asks
 * for one) why, as the administrator then reads it.
 */
@IncrowdTest
class AdministrativeActsIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    AuditTrail trail;
    @Autowired
    Invitations invitations;

    Fixtures fixtures;
    Person admin;
    MockHttpSession adminSession;
    String run;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = Fixtures.of(context);
        run = Long.toString(System.nanoTime(), 36);
        admin = fixtures.person("Acting Admin " + run, Role.ADMINISTRATOR);
        adminSession = fixtures.signIn(admin);
    }

    MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(Fixtures.browser()).with(Fixtures.servletPath())).andReturn().getResponse();
    }

    /** The newest entry of the action on the subject, as the administrator reads the trail. */
    AuditEntry recorded(String action, String subject) {
        return trail.latest(fixtures.actor(admin), 200).stream()
                .filter(entry -> entry.action().equals(action) && entry.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " on " + subject + " in the trail"));
    }

    @Test
    void rolesGrantedAndRemovedAreRecorded() throws Exception {
        var person = fixtures.person("Rising Rosa " + run, Role.PARTICIPANT);
        perform(post("/admin/people/" + person.id() + "/roles").session(adminSession).with(csrf())
                .param("roles", "ORGANISER"));

        var granted = recorded("role.granted", "person:" + person.id());
        assertThat(granted.actorId()).isEqualTo(admin.id());
        assertThat(granted.details()).containsEntry("role", "ORGANISER");
        assertThat(granted.reason()).isNull();
        assertThat(recorded("role.removed", "person:" + person.id()).details()).containsEntry("role", "PARTICIPANT");
    }

    @Test
    void participantTypeChangesAreRecordedWithTheOldAndNewType() throws Exception {
        var person = fixtures.person("Typed Tom " + run, ParticipantType.EMPLOYEE, Role.PARTICIPANT);
        perform(post("/admin/people/" + person.id() + "/type").session(adminSession).with(csrf())
                .param("participantType", "ACADEMIC"));

        var entry = recorded("participant-type.changed", "person:" + person.id());
        assertThat(entry.actorId()).isEqualTo(admin.id());
        assertThat(entry.details()).containsEntry("from", "EMPLOYEE").containsEntry("to", "ACADEMIC");
    }

    @Test
    void deactivationAndReactivationAreRecordedWithTheirReasons() throws Exception {
        var person = fixtures.person("Paused Paula " + run, Role.PARTICIPANT);
        perform(post("/admin/people/" + person.id() + "/deactivate").session(adminSession).with(csrf())
                .param("reason", "on leave " + run));
        perform(post("/admin/people/" + person.id() + "/reactivate").session(adminSession).with(csrf())
                .param("reason", "back from leave " + run));

        assertThat(recorded("person.deactivated", "person:" + person.id()).reason()).isEqualTo("on leave " + run);
        assertThat(recorded("person.reactivated", "person:" + person.id()).reason())
                .isEqualTo("back from leave " + run);
    }

    @Test
    void importedPeopleAreRecorded() {
        var organiser = fixtures.organiser();
        fixtures.identity().importPeople(fixtures.actor(organiser),
                List.of(new ImportedPerson("a-" + run, "Imported A"), new ImportedPerson("b-" + run, "Imported B")));

        var entry = trail.latest(fixtures.actor(admin), 50).stream()
                .filter(e -> e.action().equals("people.imported") && e.actorId() == organiser.id()).findFirst()
                .orElseThrow();
        assertThat(entry.details()).containsEntry("people", "2");
    }

    @Test
    void invitationsSentAreRecordedWithHowManyAndHow() {
        var jam = fixtures.jam("Invited " + run).create();
        invitations.invitePasted(fixtures.actor(fixtures.organiser()), jam.id(),
                fixtures.email("one") + "\n" + fixtures.email("two"), ParticipantType.EMPLOYEE, "en");

        var entry = recorded("invitations.sent", "jam:" + jam.id());
        assertThat(entry.actorId()).isEqualTo(fixtures.organiser().id());
        assertThat(entry.details()).containsEntry("how", "pasted").containsEntry("count", "2");
    }

    @Test
    void exportsDownloadedByOrganisersAreRecorded() throws Exception {
        var jam = fixtures.liveJam("Exported " + run);
        var organiser = fixtures.signIn(fixtures.organiser());

        assertThat(perform(get("/jams/" + jam.id() + "/open-data.zip").session(organiser)).getStatus())
                .isEqualTo(200);
        assertThat(perform(get("/jams/" + jam.id() + "/participation.csv").param("table", "timeline").session(organiser)).getStatus())
                .isEqualTo(200);

        var openData = recorded("export.downloaded", "jam:" + jam.id());
        assertThat(openData.actorId()).isEqualTo(fixtures.organiser().id());
        assertThat(trail.latest(fixtures.actor(admin), 50)).filteredOn(e -> e.subject().equals("jam:" + jam.id()))
                .extracting(e -> e.details().get("export")).contains("open-data", "participation-timeline");
    }

    @Test
    void settingsChangesAreRecordedWithTheSettingAndItsValue() throws Exception {
        var jam = fixtures.liveJam("Set " + run);
        var organiser = fixtures.actor(fixtures.organiser());
        fixtures.jams().openToGuests(organiser, jam.id(), true);
        fixtures.jams().usePlainLanguage(organiser, jam.id(), true);
        fixtures.jams().closeNow(organiser, jam.id());
        perform(post("/admin/sign-up").session(adminSession).with(csrf()).param("types", "EMPLOYEE"));

        assertThat(trail.latest(fixtures.actor(admin), 50)).filteredOn(e -> e.subject().equals("jam:" + jam.id()))
                .allSatisfy(e -> {
                    assertThat(e.action()).isEqualTo("settings.changed");
                    assertThat(e.actorId()).isEqualTo(fixtures.organiser().id());
                })
                .extracting(e -> e.details().get("setting") + "=" + e.details().get("value"))
                .contains("guest-reading=true", "plain-language=true", "schedule=closed");
        var signUp = recorded("settings.changed", "sign-up");
        assertThat(signUp.actorId()).isEqualTo(admin.id());
        assertThat(signUp.details()).containsEntry("value", "EMPLOYEE");
    }

    @Test
    void staffAssignmentsAndMemberRemovalsAreRecordedWithTheRemovalsReason() {
        var jam = fixtures.liveJam("Staffed " + run);
        var forum = fixtures.forum(jam, "Forum " + run);
        var host = fixtures.person("Hosting Hal " + run, Role.PARTICIPANT);
        var member = fixtures.person("Leaving Lea " + run, Role.PARTICIPANT);
        fixtures.host(forum, host);
        fixtures.join(jam, member);
        fixtures.jams().removeMember(fixtures.actor(fixtures.organiser()), jam.id(), member.email(),
                "<b>spam</b> " + run);

        var staff = recorded("staff.assigned", "person:" + host.id());
        assertThat(staff.details()).containsEntry("forum", "forum:" + forum.id()).containsEntry("role", "HOST");
        var removal = recorded("member.removed", "person:" + member.id());
        assertThat(removal.actorId()).isEqualTo(fixtures.organiser().id());
        assertThat(removal.reason()).isEqualTo("<b>spam</b> " + run);
        assertThat(removal.details()).containsEntry("jam", "jam:" + jam.id());
    }
}
