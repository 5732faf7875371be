package org.incrowd.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.incrowd.shared.ErrorPage;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;

/** What follows a password sign-in, and what a page shows when a form is refused by the security layer. */
final class SignInOutcome {

    private SignInOutcome() {
    }

    /** Forgives this address's earlier mistakes, then goes where the person wanted to go. */
    static final class Succeeded extends SavedRequestAwareAuthenticationSuccessHandler {

        private final SignInAttempts attempts;

        Succeeded(SignInAttempts attempts) {
            this.attempts = attempts;
            setDefaultTargetUrl("/");
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            Authentication authentication) throws IOException, jakarta.servlet.ServletException {
            attempts.succeeded(request.getParameter("email"), request.getRemoteAddr());
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }

    /** Counts the failure and shows the form again with the e-mail address as typed. */
    record Failed(SignInAttempts attempts) implements AuthenticationFailureHandler {

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                            AuthenticationException exception) throws IOException {
            attempts.failed(request.getParameter("email"), request.getRemoteAddr());
            request.getSession().setAttribute(SignInController.TYPED_EMAIL, request.getParameter("email"));
            response.sendRedirect(request.getContextPath() + "/signin?error");
        }
    }

    /**
     * A page form refused for its CSRF token (usually a session that expired while someone was writing) or for lack
     * of rights: the error page says which, in the reader's language, instead of a bare 403.
     */
    static void refusedPage(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ErrorPage.show(request, response, HttpServletResponse.SC_FORBIDDEN,
                e instanceof CsrfException ? "error.csrf" : "error.forbidden");
    }
}
