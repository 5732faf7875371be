package org.incrowd.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.incrowd.identity.IdentityService;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.MailCatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * "Forgot your password?": the answer never says whether an address has an account; the mailed link sets a new
 * password once and within the hour; the old password stops working and other sessions end.
 */
@IncrowdTest
class PasswordResetTests {

    private static final String NEW_PASSWORD = "a brand new passphrase 2026";

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

    private MockHttpServletResponse ask(String email, String client) throws Exception {
        return mvc.perform(post("/reset").with(csrf()).with(Fixtures.browser()).with(Fixtures.from(client))
                .param("email", email)).andReturn().getResponse();
    }

    private MockHttpServletResponse choose(String link, String password) throws Exception {
        return mvc.perform(post(link).with(csrf()).with(Fixtures.browser()).param("password", password))
                .andReturn().getResponse();
    }

    private String signIn(String email, String password) throws Exception {
        return mvc.perform(post("/signin").with(csrf()).with(Fixtures.browser()).with(Fixtures.servletPath())
                .with(Fixtures.from(Fixtures.newAddress())).param("email", email).param("password", password))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private static String resetLink(String email, int mails) {
        var message = MailCatcher.await(email, mails, Duration.ofSeconds(10)).getLast();
        return URI.create(MailCatcher.link(message, "/reset/")).getPath();
    }

    private long mailsRecordedFor(String address) {
        return jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(address).query(Long.class)
                .single();
    }

    /** The page's content without its per-session CSRF token. */
    private static String mainOf(String html) {
        return html.substring(html.indexOf("<main"), html.indexOf("</main>"))
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    @Test
    void aMailedLinkSetsANewPasswordAndTheOldOneStopsWorking() throws Exception {
        var person = fixtures.person("Rosa Reset");
        var otherSession = fixtures.signIn(person);
        assertThat(mvc.perform(get("/signin").with(Fixtures.browser())).andReturn().getResponse().getContentAsString())
                .contains("href=\"/reset\"").contains("Forgot your password?");

        var asked = ask(person.email(), Fixtures.newAddress());
        assertThat(asked.getStatus()).isEqualTo(200);
        assertThat(asked.getContentAsString()).contains("we have sent a link to it");
        var mail = MailCatcher.awaitOne(person.email());
        assertThat(mail.getSubject()).isEqualTo("Choose a new password");
        assertThat(MailCatcher.text(mail)).contains("one hour");
        String link = resetLink(person.email(), 1);

        var form = mvc.perform(get(link).with(Fixtures.browser())).andReturn().getResponse();
        assertThat(form.getStatus()).isEqualTo(200);
        assertThat(form.getContentAsString()).contains("Choose a new password").contains("action=\"" + link + "\"");

        // A weak password is refused with the policy's words, and the link keeps working.
        var weak = choose(link, "short");
        assertThat(weak.getStatus()).isEqualTo(422);
        assertThat(weak.getContentAsString()).contains("Choose a password of at least 12 characters.");

        assertThat(choose(link, NEW_PASSWORD).getRedirectedUrl()).isEqualTo("/signin?passwordReset");
        assertThat(signIn(person.email(), Fixtures.PASSWORD)).contains("error");
        assertThat(signIn(person.email(), NEW_PASSWORD)).doesNotContain("error");

        // The session that began before the reset has ended.
        var before = mvc.perform(get("/profile").session(otherSession).with(Fixtures.browser())).andReturn()
                .getResponse();
        assertThat(before.getRedirectedUrl()).endsWith("/signin");

        // Once only.
        var again = mvc.perform(get(link).with(Fixtures.browser())).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(410);
        assertThat(again.getContentAsString()).contains("This link no longer works").contains("href=\"/reset\"");
        assertThat(choose(link, "yet another passphrase here").getStatus()).isEqualTo(409);
        assertThat(signIn(person.email(), NEW_PASSWORD)).doesNotContain("error");
    }

    @Test
    void theAnswerIsTheSameForAnAddressWithoutAnAccount() throws Exception {
        var person = fixtures.person("Karl Known");
        String unknown = fixtures.email("nobody");

        var known = ask(person.email(), Fixtures.newAddress());
        var nobody = ask(unknown, Fixtures.newAddress());
        assertThat(known.getStatus()).isEqualTo(nobody.getStatus()).isEqualTo(200);
        assertThat(mainOf(known.getContentAsString()).replace(person.email(), unknown))
                .isEqualTo(mainOf(nobody.getContentAsString()));
        assertThat(mailsRecordedFor(person.email())).isEqualTo(1);
        assertThat(mailsRecordedFor(unknown)).as("nobody to tell").isZero();
    }

    @Test
    void aLinkExpiresAfterAnHour() throws Exception {
        var person = fixtures.person("Egon Expired");
        ask(person.email(), Fixtures.newAddress());
        String link = resetLink(person.email(), 1);
        jdbc.sql("update person_token set expires_at = ? where person_id = ? and purpose = 'RESET'")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), person.id()).update();

        assertThat(mvc.perform(get(link).with(Fixtures.browser())).andReturn().getResponse().getStatus())
                .isEqualTo(410);
        var refused = choose(link, NEW_PASSWORD);
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString()).contains("Links to reset a password work once and for one hour.");
        assertThat(signIn(person.email(), Fixtures.PASSWORD)).doesNotContain("error");
    }

    @Test
    void requestsAreLimitedPerAddressAndPerClient() throws Exception {
        var person = fixtures.person("Lara Limit");
        for (int i = 1; i <= 5; i++) {
            assertThat(ask(person.email(), Fixtures.newAddress()).getStatus()).as("request %d", i).isEqualTo(200);
        }
        var limited = ask(person.email(), Fixtures.newAddress());
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getContentAsString()).contains("Too many links were asked for")
                .contains("value=\"" + person.email() + "\"");
        assertThat(mailsRecordedFor(person.email())).isEqualTo(5);

        String client = Fixtures.newAddress();
        for (int i = 1; i <= 30; i++) {
            ask(fixtures.email("many"), client);
        }
        assertThat(ask(fixtures.email("one-more"), client).getStatus()).isEqualTo(429);
    }

    @Test
    void followingAResetLinkAlsoConfirmsTheAddress() throws Exception {
        var person = fixtures.unverified("Nina New");
        ask(person.email(), Fixtures.newAddress());
        var messages = MailCatcher.await(person.email(), 2, Duration.ofSeconds(10));
        String link = messages.stream().filter(m -> {
            try {
                return m.getSubject().equals("Choose a new password");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).map(m -> URI.create(MailCatcher.link(m, "/reset/")).getPath()).findFirst().orElseThrow();
        choose(link, NEW_PASSWORD);
        assertThat(identity.require(person.id()).verified()).isTrue();
    }

    @Test
    void aMalformedAddressIsRefusedAndKept() throws Exception {
        var bad = ask("not-an-address", Fixtures.newAddress());
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(bad.getContentAsString()).contains("Enter an e-mail address like name@example.org.")
                .contains("value=\"not-an-address\"");
    }
}
