package org.incrowd.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Administrators set how long sign-in records, the mail log and the live event log are kept; a run removes older
 * records, keeps newer ones and says what it removed, on the page and in the audit trail. A period shorter than a
 * running Jam still has to run is refused and changes nothing.
 */
@IncrowdTest
class RetentionIntegrationTests {

    /** Long enough that no Jam made by another test class outlasts it, short enough to remove a 1920 record. */
    static final int CENTURY = 36_500;

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Retention retention;

    Fixtures fixtures;
    Person admin;
    MockHttpSession session;

    @BeforeEach
    void anAdministrator() throws Exception {
        fixtures = Fixtures.of(context);
        admin = fixtures.person("Ada Administrator", Role.ADMINISTRATOR, Role.PARTICIPANT);
        session = fixtures.signIn(admin);
    }

    @Test
    void signingInLeavesARecordAndAFailedPasswordOneToo() throws Exception {
        var person = fixtures.person("Sam Signin", Role.PARTICIPANT);
        fixtures.signIn(person);
        mvc.perform(post("/signin").param("email", person.email()).param("password", "not the password")
                .with(csrf()).with(Fixtures.from(Fixtures.newAddress())).with(Fixtures.browser())
                .with(Fixtures.servletPath()));

        assertThat(jdbc.sql("select method, succeeded from sign_in_record where person_id = ? order by id")
                .param(person.id()).query((rs, n) -> rs.getString(1) + "/" + rs.getBoolean(2)).list())
                .containsExactly("PASSWORD/true", "PASSWORD/false");
    }

    @Test
    void aRunRemovesOlderRecordsKeepsNewerOnesAndSaysWhatItRemoved() throws Exception {
        var person = fixtures.person("Olga Old", Role.PARTICIPANT);
        Instant ancient = Instant.parse("1920-01-01T00:00:00Z");
        Instant recent = Instant.now().minus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        for (Instant at : new Instant[] {ancient, recent}) {
            jdbc.sql("insert into sign_in_record (person_id, at, method, succeeded) values (?, ?, 'PASSWORD', true)")
                    .params(person.id(), Timestamp.from(at)).update();
            jdbc.sql("""
                            insert into mail_outbox (mail_key, kind, recipient, person_id, params, state, attempts,
                                                     next_attempt_at, created_at)
                            values (?, 'TEST', 'olga@example.org', ?, '', 'sent', 1, ?, ?)""")
                    .params("retention-" + System.nanoTime(), person.id(), Timestamp.from(at), Timestamp.from(at))
                    .update();
        }
        jdbc.sql("""
                        insert into mail_outbox (mail_key, kind, recipient, person_id, params, state, attempts,
                                                 next_attempt_at, created_at)
                        values (?, 'TEST', 'olga@example.org', ?, '', 'waiting', 0, ?, ?)""")
                // Not due for a year: the sender must not take this stand-in, which no composer could write.
                .params("retention-waiting-" + System.nanoTime(), person.id(),
                        Timestamp.from(Instant.now().plus(Duration.ofDays(365))), Timestamp.from(ancient))
                .update();

        var saved = mvc.perform(post("/admin/retention").session(session).with(csrf()).with(Fixtures.browser())
                .param("days-sign-ins", String.valueOf(CENTURY)).param("days-mail", String.valueOf(CENTURY))
                .param("days-live-events", "").param("reason", "Works council agreement 2026"))
                .andReturn().getResponse();
        assertThat(saved.getRedirectedUrl()).isEqualTo("/admin/retention?saved");
        var ran = mvc.perform(post("/admin/retention/run").session(session).with(csrf()).with(Fixtures.browser()))
                .andReturn().getResponse();
        assertThat(ran.getRedirectedUrl()).isEqualTo("/admin/retention?ran");

        assertThat(jdbc.sql("select at from sign_in_record where person_id = ?").param(person.id())
                .query(Timestamp.class).list()).extracting(Timestamp::toInstant).containsExactly(recent);
        assertThat(jdbc.sql("select state from mail_outbox where person_id = ? order by id").param(person.id())
                .query(String.class).list()).as("the old sent mail goes; the newer one and the waiting one stay")
                .containsExactly("sent", "waiting");
        String page = mvc.perform(get("/admin/retention").session(session).with(Fixtures.browser())).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("Sign-in records: ").contains("Mail log: ").contains("started by an administrator")
                .contains("value=\"" + CENTURY + "\"");
        var audit = jdbc.sql("select details from audit_entry where action = 'retention.run' and actor_id = ? "
                + "order by id desc").param(admin.id()).query(String.class).list();
        assertThat(audit).hasSize(1);
        assertThat(audit.getFirst()).contains("sign-ins=").contains("mail=");
        assertThat(jdbc.sql("select reason from audit_entry where action = 'retention.changed' and actor_id = ?")
                .param(admin.id()).query(String.class).single()).isEqualTo("Works council agreement 2026");
    }

    @Test
    void aPeriodShorterThanARunningJamIsRefusedWithTheJamNamedAndChangesNothing() throws Exception {
        fixtures.jam("Long listening " + System.nanoTime()).endsIn(Duration.ofDays(400)).create();
        var before = retention.periods(fixtures.actor(admin));

        var refused = mvc.perform(post("/admin/retention").session(session).with(csrf()).with(Fixtures.browser())
                .param("days-sign-ins", "10").param("days-mail", "abc").param("days-live-events", "0"))
                .andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(422);
        String page = refused.getContentAsString();
        assertThat(page).contains("runs for another").contains("keep these records at least that long")
                .contains("is not a number of days").contains("A period is from 1 to")
                .as("what was typed stays in the form").contains("value=\"10\"").contains("value=\"abc\"");
        assertThat(retention.periods(fixtures.actor(admin))).isEqualTo(before);
    }

    @Test
    void onlyOneNodeRunsEachNight() {
        var night = LocalDate.of(2031, 1, 1 + (int) (System.nanoTime() % 28));
        assertThat(retention.runNightly(night)).isPresent();
        assertThat(retention.runNightly(night)).isEmpty();
    }

    @Test
    void participantsNeitherSeeNorChangeRetention() throws Exception {
        var participant = fixtures.person("Pat Participant", Role.PARTICIPANT);
        var theirs = fixtures.signIn(participant);

        assertThat(mvc.perform(get("/admin/retention").session(theirs).with(Fixtures.browser())).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(put("/api/v1/retention").with(fixtures.bearer(participant))
                        .with(Fixtures.servletPath()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"days\":{\"mail\":1}}"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }
}
