package org.incrowd.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.incrowd.shared.PublicUrl;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Where a guest goes who asks for a page that needs an account: to the sign-in page (which says why, and returns
 * them to the page afterwards), at the configured public address and never at the request's {@code Host}. A live
 * stream is answered 401 (a problem) instead, which makes a browser's EventSource stop rather than retry forever.
 */
record SignInEntryPoint(PublicUrl publicUrl) implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (SecurityConfiguration.pathOf(request).startsWith("/live/")) {
            SecurityConfiguration.problem(response, HttpStatus.UNAUTHORIZED, "Sign in to follow this page live.");
            return;
        }
        response.setStatus(HttpStatus.FOUND.value());
        response.setHeader("Location", publicUrl.of(request.getContextPath() + "/signin"));
    }
}
