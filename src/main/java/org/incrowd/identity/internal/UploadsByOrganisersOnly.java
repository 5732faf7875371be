package org.incrowd.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.GenericFilterBean;

/**
 * File uploads (multipart requests; today the imports of whole conversations) are for organisers, and anyone else is
 * answered before a byte of the body is read. Without this, reading the CSRF token from the form, or Spring's
 * multipart handling before the controller's check, spooled the whole upload (64 MB) to disk first: ten guests at
 * once left 582 MB of temporary files behind a 403. The answer is flushed at once, so the sender learns it while
 * still sending; the server then stops reading the unread rest.
 * <p>
 * It runs twice in the chain: before the CSRF check, for browser sessions, and after the API token filter, for
 * token holders (whom the CSRF check leaves alone and who are not known until then).
 */
final class UploadsByOrganisersOnly extends GenericFilterBean {

    private final MessageSource messages;

    UploadsByOrganisersOnly(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        var request = (HttpServletRequest) req;
        var response = (HttpServletResponse) res;
        if (isUpload(request)) {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof SignedInPerson person) {
                if (!person.asActor().canOrganise()) {
                    refuse(response, HttpServletResponse.SC_FORBIDDEN, request.getLocale());
                    return;
                }
            } else if (!ApiTokenAuthentication.carriesToken(request)) {
                // A guest: sign in first (a token holder is checked again once the token filter has run).
                if (SecurityConfiguration.pathOf(request).startsWith("/api/")) {
                    refuse(response, HttpServletResponse.SC_UNAUTHORIZED, request.getLocale());
                } else {
                    response.setStatus(HttpServletResponse.SC_FOUND);
                    response.setHeader("Location", request.getContextPath() + "/signin");
                    send(response, new byte[0]);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static boolean isUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
    }

    private void refuse(HttpServletResponse response, int status, Locale locale) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        send(response, messages.getMessage(status == HttpServletResponse.SC_FORBIDDEN ? "error.forbidden"
                : "error.uploadSignIn", null, locale).getBytes(StandardCharsets.UTF_8));
    }

    /** A complete answer, sent now: its length is known, so the sender can read it while still sending. */
    private static void send(HttpServletResponse response, byte[] body) throws IOException {
        response.setHeader("Connection", "close");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
