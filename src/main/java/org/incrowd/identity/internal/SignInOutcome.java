package org.incrowd.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.incrowd.identity.SignInMethod;
import org.incrowd.shared.ErrorPage;
import org.incrowd.shared.KeptForm;
import org.incrowd.shared.PublicUrl;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;

/** What follows a password sign-in, and what a page shows when a form is refused by the security layer. */
final class SignInOutcome {

    private SignInOutcome() {
    }

    /**
     * Forgives this address's earlier mistakes, then goes on to a form kept while the session had ended, else where
     * the person wanted to go.
     */
    static final class Succeeded extends SavedRequestAwareAuthenticationSuccessHandler {

        private final SignInAttempts attempts;
        private final SignInRecords records;
        private final PublicUrl publicUrl;

        Succeeded(SignInAttempts attempts, SignInRecords records, PublicUrl publicUrl) {
            this.attempts = attempts;
            this.records = records;
            this.publicUrl = publicUrl;
            setDefaultTargetUrl("/");
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            Authentication authentication) throws IOException, jakarta.servlet.ServletException {
            attempts.succeeded(request.getParameter("email"), request.getRemoteAddr());
            if (authentication.getPrincipal() instanceof SignedInPerson person) {
                records.record(person.personId(), SignInMethod.PASSWORD, true);
            }
            if (KeptForm.in(request.getSession(false)) != null) {
                clearAuthenticationAttributes(request);
                response.sendRedirect(publicUrl.of(request.getContextPath() + KeptForm.PATH));
                return;
            }
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }

    /**
     * Counts the failure, records it against the account the address belongs to (if any: a typed address that is
     * no one's is not kept), and shows the form again with the e-mail address as typed.
     */
    record Failed(SignInAttempts attempts, SignInRecords records, PersonRepository people)
            implements AuthenticationFailureHandler {

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                            AuthenticationException exception) throws IOException {
            attempts.failed(request.getParameter("email"), request.getRemoteAddr());
            String email = request.getParameter("email");
            if (email != null && !email.isBlank()) {
                people.findByEmail(email.strip().toLowerCase(java.util.Locale.ROOT))
                        .ifPresent(person -> records.record(person.id(), SignInMethod.PASSWORD, false));
            }
            request.getSession().setAttribute(SignInController.TYPED_EMAIL, request.getParameter("email"));
            response.sendRedirect(request.getContextPath() + "/signin?error");
        }
    }

    /**
     * A page form refused for its CSRF token, which almost always means that the session ended while someone was
     * writing: the form is kept and they are asked to sign in, after which they can send it (nothing is lost). Where
     * it cannot be kept (an htmx action, a form from elsewhere), and for a lack of rights, the error page says which,
     * in the reader's language; htmx shows that message in the page.
     */
    record RefusedPage(PublicUrl publicUrl) implements AccessDeniedHandler {

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
                throws IOException {
            if (e instanceof CsrfException && KeptForm.canKeep(request)) {
                KeptForm.keep(request, "kept.sessionEnded", null, UnaryOperator.identity());
                // Still signed in, the token was renewed by a sign-in in another tab: the form can go again at once.
                var signedIn = SecurityContextHolder.getContext().getAuthentication() instanceof Authentication a
                        && a.getPrincipal() instanceof SignedInPerson;
                response.sendRedirect(publicUrl.of(request.getContextPath() + (signedIn ? KeptForm.PATH : "/signin")));
                return;
            }
            ErrorPage.show(request, response, HttpServletResponse.SC_FORBIDDEN,
                    e instanceof CsrfException ? "error.sessionEnded" : "error.forbidden");
        }
    }
}
