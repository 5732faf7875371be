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
 * account's session ends. The services check current roles regardless; this is about what people are shown.
 */
class SessionRefresh extends OncePerRequestFilter {

    private final PersonRepository people;
    private final PeopleDirectory directory;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SessionRefresh(PersonRepository people, PeopleDirectory directory) {
        this.people = people;
        this.directory = directory;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (request.getSession(false) != null && authentication != null
                && authentication.getPrincipal() instanceof SignedInPerson signedIn) {
            // A deactivated account's sessions end here, at their next request, like a removed account's.
            var person = people.findById(signedIn.personId()).filter(found -> directory.isActive(found.id()));
            if (person.isEmpty()) {
                SecurityContextHolder.clearContext();
                request.getSession().invalidate();
            } else if (!signedIn.reflects(person.get())) {
                var refreshed = new SignedInPerson(person.get(), null);
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
