package org.incrowd.jam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.MailCatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Invitations from the organiser's page to the invited person's link, read back from the mail a real SMTP server
 * received: the link creates a verified account or accepts for the signed-in invited person, works once, and says
 * clearly when it was revoked, expired or used; reminders, counts, CSV files with bad lines, hosts invited before
 * they have an account, and what a person wrote arriving escaped in the mail.
 */
@IncrowdTest
class InvitationIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    Fixtures fixtures;
    Person organiser;
    MockHttpSession organiserSession;

    @BeforeEach
    void organiser() throws Exception {
        fixtures = Fixtures.of(context);
        organiser = fixtures.organiser();
        organiserSession = fixtures.signIn(organiser);
    }

    private Jam invitationOnlyJam(String purpose, String terms) {
        return fixtures.jam("Invited " + System.nanoTime()).purpose(purpose).terms(terms)
                .audience(ParticipantType.EMPLOYEE, ParticipantType.CLIENT).invitationOnly().create();
    }

    private MvcResult inviteOne(Jam jam, String email, String name, String type, String role, Long forumId)
            throws Exception {
        return mvc.perform(post("/jams/" + jam.id() + "/invitations").session(organiserSession).with(csrf())
                .with(Fixtures.browser()).param("email", email).param("name", name).param("participantType", type)
                .param("role", role).param("forumId", forumId == null ? "" : forumId.toString())
                .param("language", "en")).andReturn();
    }

    /** The path of the invitation link in the newest of {@code count} mails to {@code email}. */
    private static String linkPath(String email, int count) {
        MimeMessage mail = MailCatcher.await(email, count, Duration.ofSeconds(10)).get(count - 1);
        return MailCatcher.link(mail, "/invitations/").replaceFirst("^https?://[^/]+", "");
    }

    private MvcResult createAccount(String link, String name, String password, boolean acceptTerms) throws Exception {
        return mvc.perform(post(link + "/account").with(csrf()).with(Fixtures.browser())
                .param("displayName", name).param("password", password).param("language", "en")
                .param("acceptTerms", Boolean.toString(acceptTerms))).andReturn();
    }

    @Test
    void theInvitationLinkCreatesAVerifiedAccountOfTheChosenTypeAndJoinsTheJam() throws Exception {
        var jam = invitationOnlyJam("Better buses", "Be kind.");
        String email = fixtures.email("newcomer");
        assertThat(inviteOne(jam, email, "Nia Newcomer", "CLIENT", "PARTICIPANT", null).getResponse().getStatus())
                .isEqualTo(302);

        var mail = MailCatcher.awaitOne(email);
        assertThat(mail.getSubject()).isEqualTo("You are invited to " + jam.title());
        assertThat(MailCatcher.text(mail)).contains("Hello Nia Newcomer,", "Better buses");
        String link = linkPath(email, 1);
        assertThat(link).matches("/invitations/[A-Za-z0-9_-]{22}");

        var page = mvc.perform(get(link).with(Fixtures.browser())).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("Be kind.", "Client", "value=\"Nia Newcomer\"");

        var refused = createAccount(link, "Nia Newcomer", "short", true);
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(refused.getResponse().getContentAsString()).contains("value=\"Nia Newcomer\"");

        var created = createAccount(link, "Nia Newcomer", "a long enough passphrase", true);
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/jams/" + jam.id() + "?joined");
        var person = fixtures.identity().findByEmail(email).orElseThrow();
        assertThat(person.participantType()).isEqualTo(ParticipantType.CLIENT);
        assertThat(jdbc.queryForObject("select count(*) from person where id = ? and email_verified_at is not null",
                Long.class, person.id())).isEqualTo(1);
        assertThat(fixtures.jams().isMember(jam.id(), person.id())).isTrue();

        var again = mvc.perform(get(link).with(Fixtures.browser())).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(410);
        assertThat(again.getContentAsString()).contains("accepted already");
    }

    @Test
    void termsMustBeAcceptedAndNothingIsCreatedWithoutThem() throws Exception {
        var jam = invitationOnlyJam(null, "No selling.");
        String email = fixtures.email("terms");
        inviteOne(jam, email, "Tom", "EMPLOYEE", "PARTICIPANT", null);

        var refused = createAccount(linkPath(email, 1), "Tom", "a long enough passphrase", false);

        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(refused.getResponse().getContentAsString()).contains("Accept the terms to join.");
        assertThat(fixtures.identity().findByEmail(email)).isEmpty();
    }

    @Test
    void someoneWithAnAccountSignsInAndComesBackToAccept() throws Exception {
        var jam = invitationOnlyJam(null, null);
        var ana = fixtures.person("Ana", Role.PARTICIPANT);
        inviteOne(jam, ana.email(), "Ana", "EMPLOYEE", "PARTICIPANT", null);
        String link = linkPath(ana.email(), 1);

        var asGuest = mvc.perform(get(link).with(Fixtures.browser())).andReturn();
        assertThat(asGuest.getResponse().getContentAsString()).contains("Sign in to accept");

        var session = fixtures.signIn(ana);
        var accepted = mvc.perform(post(link + "/accept").session(session).with(csrf()).with(Fixtures.browser()))
                .andReturn();

        assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo("/jams/" + jam.id() + "?joined");
        assertThat(fixtures.jams().isMember(jam.id(), ana.id())).isTrue();
    }

    @Test
    void someoneElseSignedInIsToldWhatToDoAndCannotAccept() throws Exception {
        var jam = invitationOnlyJam(null, null);
        String email = fixtures.email("invited");
        inviteOne(jam, email, "", "EMPLOYEE", "PARTICIPANT", null);
        String link = linkPath(email, 1);
        var bob = fixtures.person("Bob", Role.PARTICIPANT);
        var session = fixtures.signIn(bob);

        var page = mvc.perform(get(link).session(session).with(Fixtures.browser())).andReturn().getResponse();
        var accept = mvc.perform(post(link + "/accept").session(session).with(csrf()).with(Fixtures.browser()))
                .andReturn().getResponse();

        assertThat(page.getContentAsString()).contains("signed in as someone else");
        assertThat(accept.getStatus()).isEqualTo(403);
        assertThat(fixtures.jams().isMember(jam.id(), bob.id())).isFalse();
    }

    @Test
    void revokedExpiredAndReplacedLinksSaySoAndAdmitNobody() throws Exception {
        var jam = invitationOnlyJam(null, null);
        String revoked = fixtures.email("revoked");
        String expired = fixtures.email("expired");
        String resent = fixtures.email("resent");
        for (String email : List.of(revoked, expired, resent)) {
            inviteOne(jam, email, "", "EMPLOYEE", "PARTICIPANT", null);
        }
        String revokedLink = linkPath(revoked, 1);
        String expiredLink = linkPath(expired, 1);
        String firstLink = linkPath(resent, 1);
        mvc.perform(post("/jams/" + jam.id() + "/invitations/" + id(jam, revoked) + "/revoke")
                .session(organiserSession).with(csrf()).with(Fixtures.browser()));
        jdbc.update("update jam_invitation set expires_at = ? where jam_id = ? and email = ?",
                java.sql.Timestamp.from(fixtures.jams().now().minusSeconds(60)), jam.id(), expired);
        mvc.perform(post("/jams/" + jam.id() + "/invitations/" + id(jam, resent) + "/resend")
                .session(organiserSession).with(csrf()).with(Fixtures.browser()));
        String newLink = linkPath(resent, 2);

        assertThat(body(revokedLink, 410)).contains("withdrew this invitation");
        assertThat(body(expiredLink, 410)).contains("This invitation expired on");
        assertThat(body(firstLink, 404)).contains("not (or no longer) valid");
        assertThat(newLink).isNotEqualTo(firstLink);
        assertThat(body(newLink, 200)).contains("Create account and join");
        assertThat(createAccount(expiredLink, "Late", "a long enough passphrase", true).getResponse().getStatus())
                .isEqualTo(409);
        assertThat(fixtures.identity().findByEmail(expired)).isEmpty();
    }

    @Test
    void remindingEveryoneSendsOneReminderToEachPersonWhoHasNotAccepted() throws Exception {
        var jam = invitationOnlyJam(null, null);
        var accepting = fixtures.person("Accepting", Role.PARTICIPANT);
        String waitingA = fixtures.email("waiting-a");
        String waitingB = fixtures.email("waiting-b");
        for (String email : List.of(accepting.email(), waitingA, waitingB)) {
            inviteOne(jam, email, "", "EMPLOYEE", "PARTICIPANT", null);
        }
        mvc.perform(post(linkPath(accepting.email(), 1) + "/accept").session(fixtures.signIn(accepting))
                .with(csrf()).with(Fixtures.browser()));

        for (int click = 0; click < 2; click++) { // a double click sends the same form twice
            mvc.perform(post("/jams/" + jam.id() + "/invitations/remind").param("round", "round-1")
                    .session(organiserSession).with(csrf()).with(Fixtures.browser()));
        }

        var reminders = MailCatcher.await(waitingA, 2, Duration.ofSeconds(10));
        assertThat(reminders.get(1).getSubject()).isEqualTo("Reminder: you are invited to " + jam.title());
        MailCatcher.await(waitingB, 2, Duration.ofSeconds(10));
        Thread.sleep(1_000); // a second reminder, if any, would be sent within the sender's next polls
        assertThat(MailCatcher.messagesTo(waitingA)).hasSize(2);
        assertThat(MailCatcher.messagesTo(waitingB)).hasSize(2);
        assertThat(MailCatcher.messagesTo(accepting.email())).hasSize(1);
    }

    @Test
    void theOrganiserSeesCountsPerParticipantType() throws Exception {
        var jam = invitationOnlyJam(null, null);
        var client = fixtures.person("Client", ParticipantType.CLIENT, Role.PARTICIPANT);
        inviteOne(jam, client.email(), "", "CLIENT", "PARTICIPANT", null);
        inviteOne(jam, fixtures.email("client-b"), "", "CLIENT", "PARTICIPANT", null);
        inviteOne(jam, fixtures.email("employee"), "", "EMPLOYEE", "PARTICIPANT", null);
        mvc.perform(post(linkPath(client.email(), 1) + "/accept").session(fixtures.signIn(client)).with(csrf())
                .with(Fixtures.browser()));

        var counts = context.getBean(Invitations.class).counts(fixtures.actor(organiser), jam.id());

        assertThat(counts).containsExactlyInAnyOrder(
                new InvitationCounts(ParticipantType.CLIENT, 1, 0, 1, 1, 0),
                new InvitationCounts(ParticipantType.EMPLOYEE, 1, 0, 0, 1, 0));
        var page = mvc.perform(get("/jams/" + jam.id() + "/invitations").session(organiserSession)
                .with(Fixtures.browser())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Remind everyone who has not accepted (2)");
    }

    @Test
    void anInvitationWhoseMailIsRefusedForGoodCountsAsBounced() throws Exception {
        var jam = invitationOnlyJam(null, null);
        String address = fixtures.email("nobody-reads-this");
        inviteOne(jam, address, "", "EMPLOYEE", "PARTICIPANT", null);
        linkPath(address, 1);
        String key = jdbc.queryForObject("select mail_key from mail_outbox where recipient = ?", String.class, address);

        // What the mail sender publishes when the recipient's server answers 5xx (tested in MailDeliveryIntegrationTests).
        context.getBean(org.springframework.transaction.support.TransactionTemplate.class).executeWithoutResult(status ->
                context.publishEvent(new org.incrowd.mail.MailEvents.MailBounced(key, "jam.invitation-mail", address, null)));

        assertThat(context.getBean(Invitations.class).counts(fixtures.actor(organiser), jam.id()))
                .containsExactly(new InvitationCounts(ParticipantType.EMPLOYEE, 0, 1, 0, 0, 0));
    }

    @Test
    void aFileWithBadLinesNamesEachAndImportsNothingUntilTheBadLinesAreSkipped() throws Exception {
        var jam = invitationOnlyJam(null, null);
        String good1 = fixtures.email("csv-good");
        String good2 = fixtures.email("csv-good");
        String csv = "email,name,participant type,country,unit,job role\n"
                + good1 + ",Gina,employee,DE,Sales,Driver\n"
                + "not-an-address,Bad,employee,,,\n"
                + good2 + ",Gus,family member,,,\n"
                + good1 + ",Gina again,employee,,,\n"
                + fixtures.email("csv-type") + ",Tia,astronaut,,,\n"
                + fixtures.email("csv-long") + "," + "x".repeat(81) + ",client,,,\n";

        var checked = mvc.perform(multipart("/jams/" + jam.id() + "/invitations/file")
                .file(new MockMultipartFile("file", "people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .session(organiserSession).with(csrf()).with(Fixtures.browser())).andReturn().getResponse();

        assertThat(checked.getStatus()).isEqualTo(422);
        assertThat(checked.getContentAsString()).contains("Line 3 (not-an-address): not an e-mail address",
                "Line 5 (" + good1 + "): address appears earlier in the file", "Line 6 (astronaut): unknown participant type",
                "): too long", "Skip the bad lines and import the 2 good lines");
        assertThat(invited(jam)).isZero();

        var held = java.util.regex.Pattern.compile("invitations/held/([0-9a-f-]+)").matcher(checked
                .getContentAsString());
        assertThat(held.find()).isTrue();
        var started = mvc.perform(post("/jams/" + jam.id() + "/invitations/held/" + held.group(1))
                .session(organiserSession).with(csrf()).with(Fixtures.browser())).andReturn().getResponse();
        assertThat(started.getRedirectedUrl()).startsWith("/jams/" + jam.id() + "/invitations/imports/");

        MailCatcher.awaitOne(good1);
        MailCatcher.awaitOne(good2);
        assertThat(invited(jam)).isEqualTo(2);
        var progress = mvc.perform(get(started.getRedirectedUrl()).session(organiserSession)
                .with(Fixtures.browser())).andReturn().getResponse().getContentAsString();
        assertThat(progress).contains("2 people were invited");
        assertThat(jdbc.queryForObject("select participant_type from jam_invitation where email = ?", String.class,
                good2)).isEqualTo("FAMILY_MEMBER");
    }

    @Test
    void aHostInvitedBeforeHavingAnAccountBecomesTheForumsHost() throws Exception {
        var jam = invitationOnlyJam(null, null);
        var forum = fixtures.forum(jam, "Transport");
        String email = fixtures.email("host");
        inviteOne(jam, email, "Hana Host", "EMPLOYEE", "HOST", forum.id());
        var mail = MailCatcher.awaitOne(email);
        assertThat(MailCatcher.text(mail)).contains("You are invited as Host of a forum of the forum Transport.");

        createAccount(linkPath(email, 1), "Hana Host", "a long enough passphrase", true);

        var hana = fixtures.identity().findByEmail(email).orElseThrow();
        assertThat(fixtures.jams().isStaff(forum.id(), hana.id())).isTrue();
    }

    @Test
    void whatOrganisersWroteArrivesEscapedInTheMail() throws Exception {
        String script = "<script>alert(1)</script>";
        var jam = invitationOnlyJam("Purpose " + script, null);
        String email = fixtures.email("xss");
        inviteOne(jam, email, "Eve " + script, "EMPLOYEE", "PARTICIPANT", null);

        String html = MailCatcher.html(MailCatcher.awaitOne(email));

        assertThat(html).doesNotContain("<script>").contains("Eve &lt;script&gt;", "Purpose &lt;script&gt;");
    }

    @Test
    void theMailIsInTheOrganisersChosenLanguageUnlessTheAccountHasOne() throws Exception {
        var jam = invitationOnlyJam(null, null);
        String email = fixtures.email("deutsch");
        mvc.perform(post("/jams/" + jam.id() + "/invitations").session(organiserSession).with(csrf())
                .with(Fixtures.browser()).param("email", email).param("participantType", "EMPLOYEE")
                .param("role", "PARTICIPANT").param("language", "de"));

        assertThat(MailCatcher.awaitOne(email).getSubject()).isEqualTo("Sie sind zu " + jam.title() + " eingeladen");
    }

    @Test
    void guestsAndParticipantsCannotSeeOrChangeInvitations() throws Exception {
        var jam = invitationOnlyJam(null, null);
        var participant = fixtures.person("Pat", Role.PARTICIPANT);
        var session = fixtures.signIn(participant);

        assertThat(mvc.perform(get("/jams/" + jam.id() + "/invitations").session(session)
                .with(Fixtures.browser())).andReturn().getResponse().getStatus()).isIn(403, 404);
        assertThat(mvc.perform(post("/jams/" + jam.id() + "/invitations").session(session).with(csrf())
                .with(Fixtures.browser()).param("email", fixtures.email("sneaky")).param("participantType",
                        "EMPLOYEE").param("role", "PARTICIPANT")).andReturn().getResponse().getStatus()).isIn(403, 404);
        assertThat(invited(jam)).isZero();
    }

    private String body(String path, int status) throws Exception {
        var response = mvc.perform(get(path).with(Fixtures.browser())).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(status);
        return response.getContentAsString();
    }

    private long id(Jam jam, String email) {
        return jdbc.queryForObject("select id from jam_invitation where jam_id = ? and email = ?", Long.class,
                jam.id(), email);
    }

    private long invited(Jam jam) {
        return jdbc.queryForObject("select count(*) from jam_invitation where jam_id = ?", Long.class, jam.id());
    }
}
