package org.incrowd.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a browser session in step with the person behind it: when an administrator changes someone's roles (or the
 * person their name or language elsewhere), the next page already shows it — navigation included — and a removed
 * account's session ends, as does every session that began before a password reset. The services check current roles
 * regardless; this is about what people are shown.
 */
class SessionRefresh extends OncePerRequestFilter {

    private final PersonRepository people;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SessionRefresh(PersonRepository people) {
        this.people = people;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (request.getSession(false) != null && authentication != null
                && authentication.getPrincipal() instanceof SignedInPerson signedIn) {
            var facts = people.findForSession(signedIn.personId());
            if (facts.isEmpty() || signedIn.beganBefore(facts.get().sessionsValidFrom())
                    || !facts.get().active()) {
                // A removed or deactivated account, or a session from before a password reset: whoever held it is
                // signed out at their next request.
                SecurityContextHolder.clearContext();
                request.getSession().invalidate();
            } else if (!signedIn.reflects(facts.get().person())) {
                var refreshed = signedIn.refreshed(facts.get().person());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(refreshed, null,
                        refreshed.getAuthorities()));
                SecurityContextHolder.setContext(context);
                sessions.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
