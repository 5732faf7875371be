package org.incrowd.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.incrowd.audit.internal.AuditGuard;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Administrators read, search and export the audit trail; nobody changes it: the database refuses, and a change made
 * around the guard (by someone who may drop triggers) shows on the page as the entry where the hash chain breaks.
 */
@IncrowdTest
class AuditTrailIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;
    @Autowired
    AuditTrail trail;

    Fixtures fixtures;
    Person admin;
    MockHttpSession adminSession;
    String run;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = Fixtures.of(context);
        run = Long.toString(System.nanoTime(), 36);
        admin = fixtures.person("Auditing Adele " + run, Role.ADMINISTRATOR);
        adminSession = fixtures.signIn(admin);
    }

    MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(Fixtures.browser()).with(Fixtures.servletPath())).andReturn().getResponse();
    }

    /** Deactivates someone through the people page, with the reason given; returns them. */
    Person deactivated(String reason) throws Exception {
        var person = fixtures.person("Departing Dora " + run, Role.PARTICIPANT);
        var response = perform(post("/admin/people/" + person.id() + "/deactivate").session(adminSession)
                .with(csrf()).param("reason", reason));
        assertThat(response.getStatus()).isEqualTo(302);
        return person;
    }

    /** The audit page for a search given as name, value, name, value... */
    String page(String... search) throws Exception {
        var request = get("/admin/audit").session(adminSession);
        for (int i = 0; i < search.length; i += 2) {
            request.param(search[i], search[i + 1]);
        }
        var response = perform(request);
        assertThat(response.getStatus()).as(String.join(" ", search)).isEqualTo(200);
        return response.getContentAsString();
    }

    @Test
    void administratorsSeeWhoDidWhatToWhomAndWhyNewestFirstWithReasonsEscaped() throws Exception {
        var dora = deactivated("<script>alert(1)</script> left the company " + run);
        perform(post("/admin/people/" + dora.id() + "/reactivate").session(adminSession).with(csrf())
                .param("reason", "came back " + run));

        String body = page("subject", "person:" + dora.id(), "zone", "Europe/Berlin");

        assertThat(body).contains("href=\"/admin/audit\"") // the admin navigation links it
                .contains("person.deactivated").contains("person.reactivated").contains("person:" + dora.id())
                .contains("Auditing Adele " + run).contains("came back " + run)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; left the company").doesNotContain("<script>alert(1)")
                .contains("(Europe/Berlin)");
        assertThat(body.indexOf("<code>person.reactivated</code>"))
                .isLessThan(body.indexOf("<code>person.deactivated</code>")).isPositive();
    }

    @Test
    void theSearchFindsByWhoActionSubjectWordsAndDays() throws Exception {
        var dora = deactivated("restructuring of the " + run + " team");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();

        assertThat(page("who", admin.email(), "action", "person.deactivated")).contains("person:" + dora.id());
        assertThat(page("who", "Auditing Adele " + run)).contains("person:" + dora.id());
        assertThat(page("words", run + " restructuring", "from", today, "to", today))
                .contains("person:" + dora.id());
        assertThat(page("words", run + " holiday")).doesNotContain("person:" + dora.id())
                .contains("No entries match this search.");
        assertThat(page("words", run, "from", tomorrow)).doesNotContain("person:" + dora.id());
        assertThat(page("who", "nobody-" + run)).doesNotContain("person:" + dora.id());

        var json = perform(get("/api/v1/audit").param("who", admin.email()).param("action", "person.deactivated")
                .session(adminSession).accept("application/json"));
        assertThat(json.getStatus()).isEqualTo(200);
        assertThat(json.getContentAsString()).contains("\"subject\":\"person:" + dora.id() + "\"")
                .contains("\"actorName\":\"Auditing Adele " + run + "\"")
                .contains("\"reason\":\"restructuring of the " + run + " team\"");
    }

    @Test
    void badDaysAndUnknownActionsAreExplainedAndTheFormKeepsWhatWasTyped() throws Exception {
        var response = perform(get("/admin/audit").param("who", "Adele").param("action", "made.up")
                .param("from", "31.02.2026").param("to", "2026-13-01").session(adminSession));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString())
                .contains("“made.up” is not an action the trail records")
                .contains("Give a day as year-month-day, such as 2026-01-31.")
                .contains("value=\"Adele\"").contains("value=\"made.up\"").contains("value=\"31.02.2026\"")
                .contains("value=\"2026-13-01\"");

        var api = perform(get("/api/v1/audit").param("from", "yesterday").session(adminSession)
                .accept("application/json"));
        assertThat(api.getStatus()).isEqualTo(400);
        assertThat(api.getContentAsString()).contains("from").contains("year-month-day");
    }

    @Test
    void theCsvExportIsFormulaSafeAndIsItselfRecorded() throws Exception {
        var dora = deactivated("=HYPERLINK(\"http://evil.example\",\"" + run + "\")");

        var csv = perform(get("/admin/audit.csv").param("words", run).session(adminSession));

        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getContentAsString()).startsWith("id,at,actor_id,actor,action,subject,reason,details")
                .contains("person:" + dora.id()).contains("\"'=HYPERLINK(\"\"http://evil.example\"\"")
                .doesNotContain(",=HYPERLINK");
        var latest = trail.latest(fixtures.actor(admin), 5);
        assertThat(latest).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("export.downloaded");
            assertThat(entry.actorId()).isEqualTo(admin.id());
            assertThat(entry.subject()).isEqualTo("audit");
            assertThat(entry.details()).containsEntry("format", "csv").containsEntry("search", "words=" + run);
        });
    }

    @Test
    void onlyAdministratorsReadTheTrail() throws Exception {
        var organiser = fixtures.signIn(fixtures.organiser());
        for (String path : new String[] {"/admin/audit", "/admin/audit.csv", "/api/v1/audit"}) {
            assertThat(perform(get(path).session(organiser)).getStatus()).as(path).isEqualTo(403);
        }
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteEntries() throws Exception {
        deactivated("moved away " + run);
        var jdbc = new JdbcTemplate(dataSource);

        assertThatThrownBy(() -> jdbc.update("update audit_entry set reason = 'nothing happened'"))
                .hasStackTraceContaining("audit entries cannot be changed");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry")).hasStackTraceContaining(
                "audit entries cannot be changed");
        assertThat(page("words", run)).contains("moved away " + run);
    }

    @Test
    void aChangeMadeAroundTheGuardShowsAsTheEntryWhereTheChainBreaks() throws Exception {
        var dora = deactivated("retired " + run);
        var jdbc = new JdbcTemplate(dataSource);
        long id = jdbc.queryForObject("select max(id) from audit_entry where subject = ?", Long.class,
                "person:" + dora.id());
        assertThat(page("words", run)).containsPattern("The trail is intact \\(\\d+ entries\\)");

        try (var connection = dataSource.getConnection()) {
            AuditGuard.remove(connection);
        }
        try {
            jdbc.update("update audit_entry set reason = ? where id = ?", "promoted " + run, id);
            assertThat(page("words", run)).contains("Entry " + id + " does not match")
                    .doesNotContain("The trail is intact");
        } finally {
            jdbc.update("update audit_entry set reason = ? where id = ?", "retired " + run, id);
            try (var connection = dataSource.getConnection()) {
                AuditGuard.install(connection);
            }
        }
        assertThat(page("words", run)).contains("The trail is intact");
    }
}
