package org.incrowd.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in API requests that carry {@code Authorization: Bearer <personal token>}. A presented token that is not live
 * is answered 401 at once rather than treated as a guest, so a revoked token fails loudly.
 */
class ApiTokenAuthentication extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final PersonRepository people;

    ApiTokenAuthentication(ApiTokens tokens, PersonRepository people) {
        this.tokens = tokens;
        this.people = people;
    }

    static boolean carriesToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        var person = tokens.personFor(request.getHeader("Authorization").substring(7).strip())
                .flatMap(people::findById);
        if (person.isEmpty()) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setContentType("application/problem+json");
            response.getWriter().write("""
                    {"status":401,"title":"Unauthorized","detail":"The API token is unknown or revoked."}""");
            return;
        }
        var principal = new SignedInPerson(person.get(), null);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
