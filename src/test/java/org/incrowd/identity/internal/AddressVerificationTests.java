package org.incrowd.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import org.incrowd.discussion.PostDraft;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.identity.Registration;
import org.incrowd.identity.Role;
import org.incrowd.identity.SingleSignOnClaims;
import org.incrowd.shared.Refusal;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.MailCatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Addresses are proved by a link in a mail: until it is followed a person reads open Jams but does not post, react
 * or enter an invitation-only Jam; the link works once and for 48 hours; a new link is a click away; a change of
 * address moves the account only when the new address is proved. The mails arrive through a real SMTP server.
 */
@IncrowdTest
class AddressVerificationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    Fixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = Fixtures.of(context);
    }

    private MockHttpServletResponse signUp(String email, String name, String type, String language)
            throws Exception {
        return mvc.perform(post("/signup").with(csrf()).with(Fixtures.browser()).with(Fixtures.from(Fixtures.newAddress()))
                .param("email", email).param("password", Fixtures.PASSWORD).param("displayName", name)
                .param("participantType", type).param("language", language)).andReturn().getResponse();
    }

    private MockHttpServletResponse page(String path, MockHttpSession session) throws Exception {
        var request = get(path).with(Fixtures.browser());
        return mvc.perform(session == null ? request : request.session(session)).andReturn().getResponse();
    }

    /**
     * The path of the first link to {@code prefix} in the newest mail to {@code address} that has one, once at least
     * {@code mails} have come. Other mail may reach the same address in any order (an invitation to a Jam), so the
     * newest mail is not always the one with the link.
     */
    private static String linkIn(String address, int mails, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        var arrived = MailCatcher.await(address, mails, java.time.Duration.ofSeconds(10));
        while (true) {
            for (var message : arrived.reversed()) {
                if (MailCatcher.text(message).contains(prefix)) {
                    return URI.create(MailCatcher.link(message, prefix)).getPath();
                }
            }
            if (System.nanoTime() > deadline) {
                return URI.create(MailCatcher.link(arrived.getLast(), prefix)).getPath(); // fails, showing the mail
            }
            Thread.sleep(50);
            arrived = MailCatcher.messagesTo(address);
        }
    }

    private long mailsRecordedFor(String address) {
        return jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(address).query(Long.class)
                .single();
    }

    @Test
    void signUpMailsALinkThatConfirmsTheAddressSignedInOrNot() throws Exception {
        String email = fixtures.email("sign-up");
        assertThat(signUp(email, "Vera Verify", "PUBLIC", "").getRedirectedUrl()).isEqualTo("/signin?registered");
        var person = identity.findByEmail(email).orElseThrow();
        assertThat(person.verified()).isFalse();

        var mail = MailCatcher.awaitOne(email);
        assertThat(mail.getSubject()).isEqualTo("Confirm your e-mail address");
        assertThat(MailCatcher.text(mail)).contains("Hello Vera Verify,").contains("48 hours");
        assertThat(MailCatcher.html(mail)).contains("Confirm my address");
        String link = linkIn(email, 1, "/verify/");
        assertThat(link.substring("/verify/".length())).as("at least 128 random bits").hasSizeGreaterThanOrEqualTo(22);

        var confirmed = page(link, null);
        assertThat(confirmed.getRedirectedUrl()).isEqualTo("/verified");
        assertThat(page("/verified", null).getContentAsString()).contains("Your e-mail address is confirmed");
        assertThat(identity.findByEmail(email).orElseThrow().verified()).isTrue();
        // Only the token's hash is kept.
        assertThat(jdbc.sql("select count(*) from person_token where token_hash = ? or lookup = ?")
                .params(link.substring(8), link.substring(8, 24)).query(Long.class).single()).isZero();
    }

    @Test
    void aVerificationLinkWorksOnlyOnce() throws Exception {
        String email = fixtures.email("once");
        signUp(email, "Otto Once", "PUBLIC", "");
        String link = linkIn(email, 1, "/verify/");
        assertThat(page(link, null).getRedirectedUrl()).isEqualTo("/verified");

        var again = page(link, null);
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getContentAsString()).contains("This link was used already")
                .contains("Your e-mail address is confirmed; there is nothing left to do.");
        var unknown = page("/verify/not-a-token-anyone-was-sent", null);
        assertThat(unknown.getStatus()).isEqualTo(410);
        assertThat(unknown.getContentAsString()).contains("This link does not work");
    }

    @Test
    void anExpiredLinkSaysSoAndSendsANewOneThatWorks() throws Exception {
        String email = fixtures.email("expired");
        signUp(email, "Erik Expired", "PUBLIC", "");
        String link = linkIn(email, 1, "/verify/");
        var person = identity.findByEmail(email).orElseThrow();
        jdbc.sql("update person_token set expires_at = ? where person_id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(60)), person.id()).update();

        var expired = page(link, null);
        assertThat(expired.getStatus()).isEqualTo(410);
        assertThat(expired.getContentAsString()).contains("This link no longer works")
                .contains("action=\"" + link + "/renew\"").contains("Send me a new link");
        assertThat(identity.require(person.id()).verified()).isFalse();

        var renewed = mvc.perform(post(link + "/renew").with(csrf()).with(Fixtures.browser())).andReturn().getResponse();
        assertThat(renewed.getContentAsString()).contains("We sent you a new link");
        String fresh = linkIn(email, 2, "/verify/");
        assertThat(fresh).isNotEqualTo(link);
        assertThat(page(fresh, null).getRedirectedUrl()).isEqualTo("/verified");
        assertThat(identity.require(person.id()).verified()).isTrue();
    }

    @Test
    void anUnverifiedPersonReadsButDoesNotPostReactOrEnterInvitationOnlyJams() throws Exception {
        var unverified = fixtures.unverified("Una Unverified");
        var jam = fixtures.liveJam("Open to all");
        var forum = fixtures.forum(jam, "Ideas");
        var idea = fixtures.idea(forum, "A verified idea");
        var actor = unverified.asActor();
        assertThat(actor.verified()).isFalse();

        fixtures.join(jam, unverified); // joining an open Jam is harmless
        var session = fixtures.signIn(unverified);
        assertThat(page("/forums/" + forum.id(), session).getStatus()).isEqualTo(200);
        assertThatThrownBy(() -> fixtures.posting().startThread(actor, forum.id(), new PostDraft("Mine", "Text", "")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("post.verifyFirst"));
        assertThatThrownBy(() -> fixtures.reacting().react(actor, idea.id(), ReactionKind.AGREE))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("post.verifyFirst"));

        var refused = mvc.perform(post("/forums/" + forum.id() + "/threads").session(session).with(csrf())
                .with(Fixtures.browser()).param("title", "Mine").param("body", "Text")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).contains("Confirm your e-mail address to post and react");

        // Every page says what to do, with the button that sends the link again.
        assertThat(page("/jams", session).getContentAsString())
                .contains("Please confirm your e-mail address").contains("action=\"/verify/resend\"");
        assertThat(page("/jams", fixtures.signIn(fixtures.person("Vic Verified"))).getContentAsString())
                .doesNotContain("Please confirm your e-mail address");
    }

    @Test
    void signingUpWithAnAddressOnAnInvitationListDoesNotOpenThatJam() throws Exception {
        String invited = fixtures.email("invited");
        var jam = fixtures.jam("Invitation only").invitationOnly(invited).create();

        // Someone types the invited address at sign-up without owning it.
        assertThat(signUp(invited, "Mallory", "PUBLIC", "").getRedirectedUrl()).isEqualTo("/signin?registered");
        var account = identity.findByEmail(invited).orElseThrow();
        var session = fixtures.signIn(account);
        assertThat(page("/jams/" + jam.id(), session).getStatus()).isEqualTo(404);
        assertThatThrownBy(() -> fixtures.jams().join(account.asActor(), jam.id(), true))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("jam.notFound"));

        // Only the link in the invited address's mailbox opens it.
        page(linkIn(invited, 1, "/verify/"), null);
        var verified = identity.require(account.id());
        fixtures.jams().join(verified.asActor(), jam.id(), true);
        assertThat(page("/jams/" + jam.id(), fixtures.signIn(verified)).getStatus()).isEqualTo(200);
    }

    @Test
    void sendingTheLinkAgainIsLimitedToFiveAnHour() throws Exception {
        var person = fixtures.unverified("Rita Resend");
        var session = fixtures.signIn(person);
        for (int i = 1; i <= 5; i++) {
            var sent = mvc.perform(post("/verify/resend").session(session).with(csrf()).with(Fixtures.browser()))
                    .andReturn().getResponse();
            assertThat(sent.getStatus()).as("request %d", i).isEqualTo(200);
            assertThat(sent.getContentAsString()).contains("We sent you a new link");
        }
        var refused = mvc.perform(post("/verify/resend").session(session).with(csrf()).with(Fixtures.browser()))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentAsString()).contains("We have sent several links within the last hour");
        assertThat(mailsRecordedFor(person.email())).isEqualTo(6); // sign-up and five more
    }

    @Test
    void signUpForAnExistingAddressMailsItsOwnerAndLooksLikeANewAccount() throws Exception {
        var owner = fixtures.person("Olga Owner");
        String fresh = fixtures.email("fresh");

        var taken = signUp(owner.email(), "Copycat", "PUBLIC", "");
        var created = signUp(fresh, "Copycat", "PUBLIC", "");
        assertThat(taken.getStatus()).isEqualTo(created.getStatus()).isEqualTo(302);
        assertThat(taken.getRedirectedUrl()).isEqualTo(created.getRedirectedUrl());
        // One mail to each address, whichever answer it is.
        assertThat(mailsRecordedFor(owner.email())).isEqualTo(mailsRecordedFor(fresh)).isEqualTo(1);

        var told = MailCatcher.awaitOne(owner.email());
        assertThat(told.getSubject()).isEqualTo("You already have an account");
        assertThat(MailCatcher.text(told)).contains("Hello Olga Owner,").contains("/signin").contains("/reset");
        assertThat(identity.require(owner.id()).displayName()).isEqualTo("Olga Owner");
        assertThat(MailCatcher.awaitOne(fresh).getSubject()).isEqualTo("Confirm your e-mail address");
    }

    @Test
    void namesWithMarkupAreEscapedInMailsAndMailsSpeakTheRecipientsLanguage() throws Exception {
        String email = fixtures.email("xss");
        signUp(email, "<script>alert(1)</script> Zoë", "PUBLIC", "de");
        var mail = MailCatcher.awaitOne(email);
        assertThat(mail.getSubject()).isEqualTo("Bestätigen Sie Ihre E-Mail-Adresse");
        assertThat(MailCatcher.html(mail)).contains("&lt;script&gt;alert(1)&lt;/script&gt; Zoë")
                .doesNotContain("<script>");
        assertThat(MailCatcher.text(mail)).contains("Hallo <script>alert(1)</script> Zoë,");
    }

    @Test
    void signUpOffersOnlyTheTypesAdministratorsAllowAndRefusesAForgedOne() throws Exception {
        assertThat(page("/signup", null).getContentAsString()).contains("value=\"PUBLIC\"")
                .doesNotContain("value=\"EMPLOYEE\"");
        String email = fixtures.email("forged");
        var forged = signUp(email, "Fred Forger", "EMPLOYEE", "");
        assertThat(forged.getStatus()).isEqualTo(422);
        assertThat(forged.getContentAsString()).contains("This participant type cannot be chosen at sign-up")
                .contains("value=\"" + email + "\"").contains("value=\"Fred Forger\"");
        assertThat(identity.findByEmail(email)).isEmpty();

        var admin = fixtures.person("Ada Admin", Role.ADMINISTRATOR);
        var session = fixtures.signIn(admin);
        try {
            var saved = mvc.perform(post("/admin/sign-up").session(session).with(csrf()).with(Fixtures.browser())
                    .param("types", "PUBLIC").param("types", "CLIENT")).andReturn().getResponse();
            assertThat(saved.getRedirectedUrl()).isEqualTo("/admin/sign-up?saved");
            assertThat(page("/signup", null).getContentAsString()).contains("value=\"CLIENT\"")
                    .doesNotContain("value=\"EMPLOYEE\"");
            assertThat(signUp(email, "Fred Forger", "CLIENT", "").getRedirectedUrl()).isEqualTo("/signin?registered");
            assertThat(identity.findByEmail(email).orElseThrow().participantType()).isEqualTo(ParticipantType.CLIENT);

            var none = mvc.perform(post("/admin/sign-up").session(session).with(csrf()).with(Fixtures.browser()))
                    .andReturn().getResponse();
            assertThat(none.getStatus()).isEqualTo(422);
            assertThat(none.getContentAsString()).contains("Choose at least one type");
        } finally {
            identity.offerAtSignUp(admin.asActor(), EnumSet.of(ParticipantType.PUBLIC));
        }
    }

    @Test
    void singleSignOnAccountsAreVerifiedWhenTheProviderSaysSo() {
        var vouched = identity.findOrRegisterFromSingleSignOn(
                new SingleSignOnClaims(fixtures.email("vouched"), true, "Val Vouched", null));
        var unsaid = identity.findOrRegisterFromSingleSignOn(
                new SingleSignOnClaims(fixtures.email("unsaid"), null, "Una Unsaid", null));
        assertThat(vouched.verified()).isTrue();
        assertThat(unsaid.verified()).isFalse();

        // Someone who signed up with a password proves the address when the provider vouches for it.
        Person signedUp = fixtures.unverified("Sven Signed-up");
        var matched = identity.findOrRegisterFromSingleSignOn(
                new SingleSignOnClaims(signedUp.email(), true, "Sven", null));
        assertThat(matched.id()).isEqualTo(signedUp.id());
        assertThat(matched.verified()).isTrue();
        assertThat(fixtures.person("Admin-made").verified()).isTrue();
    }

    @Test
    void aNewAddressIsUsedOnlyOnceItsLinkIsFollowedAndTheOldOneIsTold() throws Exception {
        var person = fixtures.person("Carla Change");
        var session = fixtures.signIn(person);
        String newEmail = fixtures.email("new-address");

        var asked = mvc.perform(post("/profile/email").session(session).with(csrf()).with(Fixtures.browser())
                .param("newEmail", newEmail)).andReturn().getResponse();
        assertThat(asked.getRedirectedUrl()).isEqualTo("/profile?emailRequested");
        assertThat(identity.require(person.id()).email()).as("the old address stays in use").isEqualTo(person.email());
        assertThat(MailCatcher.awaitOne(person.email()).getSubject())
                .isEqualTo("Someone asked to change your e-mail address");
        var link = MailCatcher.awaitOne(newEmail);
        assertThat(link.getSubject()).isEqualTo("Confirm your new e-mail address");

        var moved = page(URI.create(MailCatcher.link(link, "/verify/")).getPath(), session);
        assertThat(moved.getRedirectedUrl()).isEqualTo("/verified?moved=true");
        assertThat(page("/verified?moved=true", session).getContentAsString())
                .contains("Your new e-mail address is in use");
        assertThat(page("/profile", session).getContentAsString()).contains("Your account uses " + newEmail);
        var now = identity.require(person.id());
        assertThat(now.email()).isEqualTo(newEmail);
        assertThat(now.verified()).isTrue();
        assertThat(identity.findByEmail(person.email())).isEmpty();
    }

    @Test
    void aTakenNewAddressGetsTheSameAnswerAndChangesNothing() throws Exception {
        var person = fixtures.person("Tom Taken");
        var other = fixtures.person("Olivia Other");
        var session = fixtures.signIn(person);

        var asked = mvc.perform(post("/profile/email").session(session).with(csrf()).with(Fixtures.browser())
                .param("newEmail", other.email().toUpperCase())).andReturn().getResponse();
        assertThat(asked.getRedirectedUrl()).isEqualTo("/profile?emailRequested");
        assertThat(mailsRecordedFor(other.email())).isZero();
        assertThat(mailsRecordedFor(person.email())).isEqualTo(1); // told of the request, as for a free address
        assertThat(identity.require(person.id()).email()).isEqualTo(person.email());

        var bad = mvc.perform(post("/profile/email").session(session).with(csrf()).with(Fixtures.browser())
                .param("newEmail", "not an address")).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(bad.getContentAsString()).contains("Enter an e-mail address like name@example.org.")
                .contains("value=\"not an address\"");
    }

    @Test
    void aNewAddressTakenBeforeItsLinkIsFollowedChangesNothing() throws Exception {
        var person = fixtures.person("Lena Late");
        var session = fixtures.signIn(person);
        String newEmail = fixtures.email("taken-meanwhile");
        mvc.perform(post("/profile/email").session(session).with(csrf()).with(Fixtures.browser())
                .param("newEmail", newEmail));
        String link = linkIn(newEmail, 1, "/verify/");
        identity.register(new Registration(newEmail, Fixtures.PASSWORD, "Quick Registrant", null, null, null,
                ParticipantType.EMPLOYEE, null));

        var followed = page(link, session);
        assertThat(followed.getContentAsString()).contains("This address has an account already");
        assertThat(identity.require(person.id()).email()).isEqualTo(person.email());
        var renewed = mvc.perform(post(link + "/renew").with(csrf()).with(Fixtures.browser())).andReturn().getResponse();
        assertThat(renewed.getContentAsString()).contains("This address has an account already");
        assertThat(mailsRecordedFor(newEmail)).as("its new owner is sent nothing").isEqualTo(1);
    }

    @Test
    void demoAndAdministratorMadeAccountsAreVerified() {
        var registered = identity.register(new Registration(fixtures.email("admin-made"), Fixtures.PASSWORD,
                "Made by an administrator", null, null, null, ParticipantType.EMPLOYEE, null));
        assertThat(registered.verified()).isTrue();
    }
}
