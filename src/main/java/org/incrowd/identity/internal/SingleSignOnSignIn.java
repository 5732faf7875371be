package org.incrowd.identity.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Person;
import org.incrowd.identity.SignInMethod;
import org.incrowd.identity.SingleSignOnClaims;
import org.incrowd.shared.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Component;

/**
 * Turns a successful OpenID Connect sign-in into an ordinary Incrowd session: the provider's claims name the person
 * (matched by verified e-mail address, or registered on their first visit), and the session then holds the same
 * {@link SignedInPerson} a password sign-in gives, so roles, language and everything else work unchanged. A refused
 * or failed sign-in ends on the sign-in page with a message saying why, signed out.
 */
@Component
class SingleSignOnSignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    /** The sign-in page's query parameter that names what went wrong. */
    static final String PROBLEM_PARAMETER = "sso";

    /**
     * Incrowd asks the provider only who someone is, never calls it on their behalf: its tokens are kept neither in
     * the session nor in the memory of the server (Spring's default keeps them per person for the server's lifetime).
     */
    static final OAuth2AuthorizedClientRepository NO_TOKENS_KEPT = new OAuth2AuthorizedClientRepository() {
        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId,
                Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {
        }
    };

    private static final Logger log = LoggerFactory.getLogger(SingleSignOnSignIn.class);

    private final IdentityService identity;
    private final SessionSignIn sessions;
    private final PeopleDirectory directory;
    private final SavedRequestAwareAuthenticationSuccessHandler continueWhereTheyWere =
            new SavedRequestAwareAuthenticationSuccessHandler();
    private final SecurityContextLogoutHandler signOut = new SecurityContextLogoutHandler();
    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    SingleSignOnSignIn(IdentityService identity, SessionSignIn sessions, PeopleDirectory directory) {
        this.identity = identity;
        this.sessions = sessions;
        this.directory = directory;
        continueWhereTheyWere.setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        if (!(authentication.getPrincipal() instanceof OAuth2User user)) {
            refuse(request, response, authentication, Problem.FAILED);
            return;
        }
        Person person;
        try {
            person = findOrRegister(claimsOf(user));
        } catch (Refusal refusal) {
            log.info("Refused a single sign-on through {}: {}", registrationId(authentication), refusal.messageKey());
            refuse(request, response, authentication, Problem.of(refusal.messageKey()));
            return;
        }
        if (!directory.isActive(person.id())) {
            log.info("Refused a single sign-on through {}: the account is deactivated", registrationId(authentication));
            refuse(request, response, authentication, Problem.FAILED);
            return;
        }
        sessions.signIn(person, SignInMethod.SINGLE_SIGN_ON, request, response);
        continueWhereTheyWere.onAuthenticationSuccess(request, response,
                SecurityContextHolder.getContext().getAuthentication());
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        log.warn("A single sign-on failed: {}", exception.getMessage());
        redirects.sendRedirect(request, response, Problem.FAILED.signInPage());
    }

    private Person findOrRegister(SingleSignOnClaims claims) {
        try {
            return identity.findOrRegisterFromSingleSignOn(claims);
        } catch (DuplicateKeyException raced) {
            // The same person's first sign-in in two tabs at once: the other request created the account.
            return identity.findOrRegisterFromSingleSignOn(claims);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
                        Problem problem) throws IOException {
        // Spring Security stored the provider's authentication in the session already: forget it.
        signOut.logout(request, response, authentication);
        redirects.sendRedirect(request, response, problem.signInPage());
    }

    /** The standard OpenID Connect claims (from the ID token and the UserInfo answer, merged by Spring Security). */
    static SingleSignOnClaims claimsOf(OAuth2User user) {
        return new SingleSignOnClaims(text(user.getAttribute("email")), verified(user.getAttribute("email_verified")),
                text(user.getAttribute("name")), text(user.getAttribute("preferred_username")));
    }

    /** True or false as the provider says; a value that is neither counts as false, absent as unknown. */
    private static Boolean verified(Object value) {
        return switch (value) {
            case null -> null;
            case Boolean b -> b;
            default -> "true".equals(value.toString().strip().toLowerCase(Locale.ROOT));
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String registrationId(Authentication authentication) {
        return authentication instanceof OAuth2AuthenticationToken token
                ? token.getAuthorizedClientRegistrationId() : "?";
    }

    /** What the sign-in page says after a single sign-on that did not sign anyone in. */
    enum Problem {
        UNVERIFIED("signin.sso.emailUnverified"),
        NO_EMAIL("signin.sso.emailMissing"),
        FAILED("signin.sso.failed");

        final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        String parameterValue() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        String signInPage() {
            return "/signin?" + PROBLEM_PARAMETER + "=" + parameterValue();
        }

        static Problem of(String messageKey) {
            return Arrays.stream(values()).filter(p -> p.messageKey.equals(messageKey)).findFirst().orElse(FAILED);
        }

        /** The problem a sign-in page address names, or null for none or an unknown value. */
        static Problem fromParameter(String value) {
            return Arrays.stream(values()).filter(p -> p.parameterValue().equals(value)).findFirst().orElse(null);
        }
    }
}
