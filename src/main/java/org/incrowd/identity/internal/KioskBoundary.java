package org.incrowd.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Where a kiosk session may go: the kiosk's own pages and the static files they load, nothing else. Every other page
 * is sent back to the kiosk and every API call is answered 403, so a code typed on a kiosk never opens someone's
 * account. A kiosk session idle for longer than its kiosk allows ends here, whatever the browser still shows.
 */
class KioskBoundary extends OncePerRequestFilter {

    private final Clock clock;

    KioskBoundary(Clock clock) {
        this.clock = clock;
    }

    static boolean reachable(String path) {
        return path.equals("/kiosk") || path.startsWith("/kiosk/") || path.startsWith("/css/")
                || path.startsWith("/js/") || path.startsWith("/favicon") || path.equals("/error");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var session = request.getSession(false);
        if (authentication != null && authentication.getPrincipal() instanceof KioskPrincipal kiosk) {
            long now = clock.millis();
            if (session == null || kiosk.idleAt(session, now)) {
                // Idle too long: signed out; the request goes on as a guest's (the kiosk shows its code form).
                SecurityContextHolder.clearContext();
                if (session != null) {
                    session.invalidate();
                }
            } else if (!reachable(SecurityConfiguration.pathOf(request))) {
                if (SecurityConfiguration.pathOf(request).startsWith("/api/")) {
                    SecurityConfiguration.problem(response, HttpStatus.FORBIDDEN,
                            "Forbidden: a kiosk session may only use the kiosk.");
                } else {
                    response.setStatus(HttpStatus.SEE_OTHER.value());
                    response.setHeader("Location", request.getContextPath() + "/kiosk");
                }
                return;
            } else {
                KioskPrincipal.touch(session, now);
            }
        }
        chain.doFilter(request, response);
    }
}
