package org.incrowd.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Sign-up never tells who has an account, is limited per address, and takes every password a person may choose
 * (long ones in any script) while refusing the ones everybody chooses.
 */
@IncrowdTest
class SignUpTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    ApplicationContext context;

    private MockHttpServletResponse signUp(String email, String password, String address, MockHttpSession session)
            throws Exception {
        return mvc.perform(post("/signup").session(session).with(csrf()).with(Fixtures.browser())
                .with(Fixtures.from(address)).param("email", email).param("password", password)
                .param("displayName", "Sam Sign-up").param("participantType", "PUBLIC")).andReturn().getResponse();
    }

    private MockHttpServletResponse signIn(String email, String password) throws Exception {
        return mvc.perform(post("/signin").with(csrf()).with(Fixtures.browser()).with(Fixtures.servletPath())
                .with(Fixtures.from(Fixtures.newAddress())).param("email", email).param("password", password))
                .andReturn().getResponse();
    }

    /** The page a finished sign-up leads to. */
    private String signInPageAfterSignUp(MockHttpSession session) throws Exception {
        return mvc.perform(get("/signin").param("registered", "").session(session).with(Fixtures.browser()))
                .andReturn().getResponse().getContentAsString();
    }

    /** The page's content without its per-session CSRF token. */
    private static String mainOf(String html) {
        return html.substring(html.indexOf("<main"), html.indexOf("</main>"))
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    @Test
    void signUpAnswersAlikeWhetherOrNotTheAddressHasAnAccount() throws Exception {
        var fixtures = Fixtures.of(context);
        var owner = fixtures.person("Olga Owner", Role.PARTICIPANT);
        String fresh = fixtures.email("fresh");

        var takenSession = new MockHttpSession();
        var taken = signUp(owner.email(), "another long passphrase", Fixtures.newAddress(), takenSession);
        var freshSession = new MockHttpSession();
        var created = signUp(fresh, "another long passphrase", Fixtures.newAddress(), freshSession);

        assertThat(taken.getStatus()).isEqualTo(created.getStatus()).isEqualTo(302);
        assertThat(taken.getRedirectedUrl()).isEqualTo(created.getRedirectedUrl()).isEqualTo("/signin?registered");
        String takenPage = signInPageAfterSignUp(takenSession);
        String freshPage = signInPageAfterSignUp(freshSession);
        assertThat(mainOf(takenPage).replace(owner.email(), fresh)).isEqualTo(mainOf(freshPage));
        assertThat(freshPage).contains("We sent a mail to this address")
                .contains("value=\"" + fresh + "\"").doesNotContain("exists already");

        // The owner's account is untouched; the new one signs in with the password just chosen.
        assertThat(identity.findByEmail(owner.email()).orElseThrow().displayName()).isEqualTo("Olga Owner");
        assertThat(signIn(owner.email(), Fixtures.PASSWORD).getRedirectedUrl()).doesNotContain("error");
        assertThat(signIn(owner.email(), "another long passphrase").getRedirectedUrl()).contains("error");
        assertThat(signIn(fresh, "another long passphrase").getRedirectedUrl()).doesNotContain("error");
    }

    @Test
    void signUpsForOneAddressAreLimitedAndTheRefusedFormKeepsItsValues() throws Exception {
        var fixtures = Fixtures.of(context);
        String email = fixtures.email("again-and-again");
        for (int i = 0; i < 5; i++) {
            assertThat(signUp(email, "another long passphrase", Fixtures.newAddress(), new MockHttpSession())
                    .getStatus()).isEqualTo(302);
        }
        var refused = signUp(email, "another long passphrase", Fixtures.newAddress(), new MockHttpSession());
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("3600");
        assertThat(refused.getContentAsString()).contains("Too many accounts were created")
                .contains("value=\"" + email + "\"").contains("value=\"Sam Sign-up\"");
    }

    @Test
    void aLongPasswordInAnyScriptWorksForSignUpAndSignIn() throws Exception {
        var fixtures = Fixtures.of(context);
        String email = fixtures.email("long-password");
        // 100 characters, 190 bytes in UTF-8: far past bcrypt's 72 bytes.
        String password = "Grüße aus Köln, äöü ".repeat(5);
        assertThat(password).hasSize(100);

        assertThat(signUp(email, password, Fixtures.newAddress(), new MockHttpSession()).getRedirectedUrl())
                .isEqualTo("/signin?registered");
        assertThat(signIn(email, password).getRedirectedUrl()).doesNotContain("error");
        // Sharing the first 72 bytes is not enough.
        assertThat(signIn(email, password.substring(0, 60) + "x".repeat(40)).getRedirectedUrl()).contains("error");
        // A long password for an address without an account is an ordinary failed sign-in, not a 500.
        var unknown = signIn(fixtures.email("nobody"), "ü".repeat(128));
        assertThat(unknown.getStatus()).isEqualTo(302);
        assertThat(unknown.getRedirectedUrl()).contains("error");
    }

    @Test
    void aCommonPasswordIsRefusedWhateverItsCase() throws Exception {
        var fixtures = Fixtures.of(context);
        String email = fixtures.email("common-password");
        var refused = signUp(email, "1QAZ2wsx3edc", Fixtures.newAddress(), new MockHttpSession());
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("This password is one of the most common ones");
        assertThat(identity.findByEmail(email)).isEmpty();
    }
}
