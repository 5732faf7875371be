package org.incrowd.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import org.incrowd.audit.AuditTrail;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.identity.Pseudonyms;
import org.incrowd.identity.Registration;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.IdentityMode;
import org.incrowd.jam.IdentityModes;
import org.incrowd.jam.Jam;
import org.incrowd.shared.PersonalData.ForgetPolicy;
import org.incrowd.shared.RetainedRecords;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.SignedInRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A person downloads everything Incrowd holds about them and deletes their account: what they wrote stays as a former
 * participant's (or is removed, as administrators choose), their reactions still count, they cannot sign in again,
 * and a wrong confirmation deletes nothing (ADR 44).
 */
@IncrowdTest
class MyDataIntegrationTests {

    @Autowired
    org.incrowd.identity.internal.PersonRepository personRows;

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    IdentityModes modes;
    @Autowired
    Pseudonyms pseudonyms;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountDeletion deletion;
    @Autowired
    AuditTrail audit;
    @Autowired
    java.util.List<RetainedRecords> retained;

    Fixtures fixtures;
    SignedInRequests requests;
    Jam jam;
    Forum named;
    Forum pseudonymous;
    Person author;
    Person reader;

    @BeforeEach
    void aJamWithANamedAndAPseudonymousForum() {
        fixtures = Fixtures.of(context);
        requests = new SignedInRequests(mvc, fixtures);
        jam = fixtures.liveJam("Data " + System.nanoTime());
        named = fixtures.forum(jam, "Open floor");
        pseudonymous = fixtures.forum(jam, "Quiet corner");
        modes.setForForum(fixtures.actor(fixtures.organiser()), pseudonymous.id(), IdentityMode.PSEUDONYMOUS);
        author = fixtures.person("Ottilie Vandersloot", Role.PARTICIPANT);
        reader = fixtures.person("Rita Reader", Role.PARTICIPANT);
        fixtures.join(jam, author);
        fixtures.join(jam, reader);
    }

    @Test
    void theDownloadHoldsTheirPostsAccountAndPseudonymAsJsonAndAsAnEscapedPage() throws Exception {
        var idea = fixtures.idea(named, author, "Bike sheds <b>now</b>", "Covered bike parking at every site.");
        var quiet = fixtures.idea(pseudonymous, author, "Honest rota", "<script>alert(1)</script> Fair night shifts.");
        fixtures.reacting().react(fixtures.actor(author), fixtures.idea(named, reader, "Quiet room", "One per floor.").id(),
                ReactionKind.AGREE);

        var response = requests.send(author, get("/profile/data.json"));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains(".json");
        String json = response.getContentAsString();
        assertThat(json).contains(author.email()).contains("Ottilie Vandersloot")
                .contains("Covered bike parking at every site.").contains("Fair night shifts.")
                .contains(pseudonyms.of(jam.id(), author.id())).contains(jam.title()).contains("Quiet corner")
                .contains("\"AGREE\"").doesNotContain("token_hash").doesNotContain("password");
        assertThat(json).as("another person's posts are not theirs").doesNotContain("One per floor.");

        String page = requests.page(author, "/profile/data.html");
        assertThat(page).contains("Covered bike parking at every site.").contains("Bike sheds &lt;b&gt;now&lt;/b&gt;")
                .contains("&lt;script&gt;").doesNotContain("<script>alert(1)</script>");
        assertThat(idea.id()).isNotEqualTo(quiet.id());
        assertThat(jdbc.sql("select count(*) from privacy_request where person_id = ? and kind = 'DOWNLOAD'")
                .param(author.id()).query(Long.class).single()).isEqualTo(2);
        assertThat(audit.latest(fixtures.actor(fixtures.person("Ada Admin", Role.ADMINISTRATOR)), 50))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("person.data-downloaded");
                    assertThat(e.subject()).isEqualTo("person:" + author.id());
                    assertThat(e.actorId()).isEqualTo(author.id());
                });
    }

    @Test
    void afterDeletingTheirAccountTheirPostsShowAFormerParticipantAndTheirReactionStillCounts() throws Exception {
        var idea = fixtures.idea(named, author, "Standing desks", "Let us try standing desks.");
        var quiet = fixtures.idea(pseudonymous, author, "Quiet hours", "No meetings before ten.");
        var readersIdea = fixtures.idea(named, reader, "Team lunches", "Monthly team lunches.");
        fixtures.reacting().react(fixtures.actor(author), readersIdea.id(), ReactionKind.AGREE);
        String pseudonym = pseudonyms.of(jam.id(), author.id());

        var response = requests.send(author, post("/profile/delete").param("password", Fixtures.PASSWORD)
                .param("understood", "true"));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("Your account is deleted");

        for (var path : java.util.List.of("/threads/" + idea.id(), "/threads/" + quiet.id())) {
            String page = requests.page(reader, path);
            assertThat(page).as(path).contains("Former participant").doesNotContain("Ottilie")
                    .doesNotContain(pseudonym);
        }
        String json = mvc.perform(get("/api/v1/posts/" + readersIdea.id()).with(fixtures.bearer(reader))
                .with(Fixtures.servletPath())).andReturn().getResponse().getContentAsString();
        assertThat(json).as("the reaction still counts").contains("\"agree\":1");
        assertThat(mvc.perform(post("/signin").param("email", author.email()).param("password", Fixtures.PASSWORD)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .with(Fixtures.from(Fixtures.newAddress())).with(Fixtures.browser()).with(Fixtures.servletPath()))
                .andReturn().getResponse().getRedirectedUrl()).as("they cannot sign in").contains("error");
        var again = fixtures.identity().register(new Registration(author.email(), Fixtures.PASSWORD, "Ottilie Again",
                null, null, null, ParticipantType.EMPLOYEE, null));
        assertThat(again.id()).as("signing up again makes a new account").isNotEqualTo(author.id());
        assertThat(jdbc.sql("select count(*) from person where id = ? and (display_name like '%Ottilie%' or email like '%example.org')")
                .param(author.id()).query(Long.class).single()).as("nothing personal stays on the old row").isZero();
    }

    @Test
    void deletingRemovesTheirNotificationsMailAndTokensAndIsRecordedForAdministrators() throws Exception {
        fixtures.token(author);
        var plants = fixtures.posting().startThread(fixtures.actor(author), named.id(),
                new org.incrowd.discussion.PostDraft("Plants", "More plants.", "", false, "plants-1"));
        fixtures.reply(plants, reader, "Yes please.");
        long notifications = count("select count(*) from notification where person_id = ?");
        long requestKeys = count("select count(*) from post_request where author_id = ?");

        var counts = deletion.delete(fixtures.actor(author),
                new AccountDeletion.Confirmation(Fixtures.PASSWORD, null, true));

        assertThat(notifications).as("the reply notified the author").isPositive();
        assertThat(count("select count(*) from notification where person_id = ?")).isZero();
        assertThat(count("select count(*) from mail_outbox where person_id = ?")).isZero();
        assertThat(count("select count(*) from api_token where person_id = ?")).isZero();
        assertThat(requestKeys).as("the idea's request key was kept").isOne();
        assertThat(count("select count(*) from post_request where author_id = ?")).as("no key ties them to it")
                .isZero();
        assertThat(counts).containsKeys("account", "posts", "notifications", "mail");
        assertThat(count("select count(*) from privacy_request where kind = 'DELETION' and person_id = ?")).isOne();
        assertThat(audit.latest(fixtures.actor(fixtures.person("Ada Admin", Role.ADMINISTRATOR)), 50))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("person.deleted");
                    assertThat(e.subject()).isEqualTo("person:" + author.id());
                });
    }

    @Test
    void aWrongPasswordOrAMissingConfirmationDeletesNothingAndSaysWhy() throws Exception {
        var wrong = requests.send(author, post("/profile/delete").param("password", "not-my-password")
                .param("understood", "true"));
        assertThat(wrong.getStatus()).isEqualTo(422);
        assertThat(wrong.getContentAsString()).contains("That is not your password. Nothing was deleted.");

        var unticked = requests.send(author, post("/profile/delete").param("password", Fixtures.PASSWORD));
        assertThat(unticked.getStatus()).isEqualTo(422);
        assertThat(unticked.getContentAsString()).contains("Tick the box to confirm");

        assertThat(fixtures.identity().require(author.id()).email()).isEqualTo(author.email());
        assertThat(requests.page(author, "/profile")).contains("Ottilie Vandersloot");
    }

    @Test
    void anAccountWithoutPasswordConfirmsByTypingItsAddress() {
        var customer = fixtures.identity().confirmedByMail(fixtures.email("customer"), "Casimir Mailonly",
                ParticipantType.PUBLIC);
        var actor = fixtures.actor(customer);
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(org.incrowd.shared.Refusal.class,
                () -> deletion.delete(actor, new AccountDeletion.Confirmation(null, "someone@example.org", true)));
        assertThat(refused.errors().keyFor("typedAddress")).isEqualTo("mydata.delete.wrongAddress");

        deletion.delete(actor, new AccountDeletion.Confirmation(null, customer.email().toUpperCase(), true));
        assertThat(fixtures.identity().findByEmail(customer.email())).isEmpty();
    }

    @Test
    void whereAdministratorsChoseRemovalTheTextGoesAndTheThreadStays() throws Exception {
        var admin = fixtures.actor(fixtures.person("Ada Admin", Role.ADMINISTRATOR));
        deletion.choosePolicy(admin, ForgetPolicy.REMOVE_POSTS);
        try {
            var idea = fixtures.idea(named, author, "Secret plan", "Move the office to the seaside.");
            fixtures.reply(idea, reader, "Count me in.");
            deletion.delete(fixtures.actor(author), new AccountDeletion.Confirmation(Fixtures.PASSWORD, null, true));

            String page = requests.page(reader, "/threads/" + idea.id());
            assertThat(page).contains("Removed at the author").contains("Count me in.")
                    .doesNotContain("Move the office to the seaside.").doesNotContain("Ottilie");
        } finally {
            deletion.choosePolicy(admin, ForgetPolicy.KEEP_POSTS);
        }
    }

    @Test
    void retentionErasesAccountsDeactivatedLongerThanTheCutoff() {
        fixtures.idea(named, author, "Old idea", "From long ago.");
        jdbc.sql("update person set deactivated_at = ? where id = ?")
                .params(java.sql.Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")), author.id()).update();
        personRows.evict(author.id());
        var personalData = retained.stream().filter(r -> r.kind().equals("personal-data")).findFirst().orElseThrow();

        assertThat(personalData.removeOlderThan(Instant.parse("2021-01-01T00:00:00Z"))).isPositive();
        assertThat(fixtures.identity().require(author.id()).displayName()).doesNotContain("Ottilie");
        assertThat(fixtures.identity().require(reader.id()).displayName()).isEqualTo("Rita Reader");
        assertThat(personalData.removeOlderThan(Instant.parse("2021-01-01T00:00:00Z"))).as("once").isZero();
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(author.id()).query(Long.class).single();
    }
}
