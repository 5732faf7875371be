package org.incrowd.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away password sign-ins while {@link SignInAttempts} says the e-mail or address is locked. It recognises a
 * sign-in with the very matcher the sign-in filter uses, so no spelling of the path slips past one and not the other.
 */
class SignInRateLimit extends OncePerRequestFilter {

    private final SignInAttempts attempts;
    private final RequestMatcher signIn;

    SignInRateLimit(SignInAttempts attempts, RequestMatcher signIn) {
        this.attempts = attempts;
        this.signIn = signIn;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !signIn.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (attempts.isLocked(request.getParameter("email"), request.getRemoteAddr())) {
            // A redirect rather than a bare 429 keeps the no-JavaScript form flow: the page explains the wait.
            response.setHeader("Retry-After", String.valueOf(SignInAttempts.WINDOW.toSeconds()));
            request.getSession().setAttribute(SignInController.TYPED_EMAIL, request.getParameter("email"));
            response.sendRedirect(request.getContextPath() + "/signin?locked");
            return;
        }
        chain.doFilter(request, response);
    }
}
