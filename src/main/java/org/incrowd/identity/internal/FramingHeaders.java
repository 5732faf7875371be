package org.incrowd.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.incrowd.identity.Framing;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The Content-Security-Policy and X-Frame-Options of every response: no framing at all, unless the page named the
 * origins that may frame it ({@link Framing}); then those origins in {@code frame-ancestors} and no X-Frame-Options
 * (which cannot name origins). Written when the response is committed, so the page has decided by then.
 */
final class FramingHeaders implements HeaderWriter {

    private static final String NO_FRAMING = "frame-ancestors 'none'";

    private final String policy;

    FramingHeaders(String policy) {
        if (!policy.endsWith(NO_FRAMING)) {
            throw new IllegalArgumentException("The policy must end with " + NO_FRAMING);
        }
        this.policy = policy;
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (response.containsHeader("Content-Security-Policy")) {
            // A response that set its own complete policy (a received mail shown in the administrators' frame) keeps
            // it, with its own X-Frame-Options, as Spring's header writers never overwrite either.
            return;
        }
        var allowed = Framing.allowed(request);
        if (allowed.isEmpty()) {
            response.setHeader("Content-Security-Policy", policy);
            response.setHeader("X-Frame-Options", "DENY");
            return;
        }
        String ancestors = allowed.get().isEmpty() ? "'none'" : String.join(" ", allowed.get());
        response.setHeader("Content-Security-Policy",
                policy.substring(0, policy.length() - NO_FRAMING.length()) + "frame-ancestors " + ancestors);
    }
}
