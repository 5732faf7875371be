package org.incrowd.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which sites may show a response in a frame. Every response says none ({@code frame-ancestors 'none'} and
 * {@code X-Frame-Options: DENY}); a page meant to be embedded names its allowed origins here before it renders, and
 * the security headers then carry exactly those in {@code frame-ancestors} (the rest of the policy unchanged).
 */
public final class Framing {

    private static final String ATTRIBUTE = Framing.class.getName() + ".ancestors";

    private Framing() {
    }

    /** Lets {@code origins} (checked "scheme://host[:port]" values; none: no site) frame this response. */
    public static void allow(HttpServletRequest request, Collection<String> origins) {
        request.setAttribute(ATTRIBUTE, List.copyOf(origins));
    }

    /** The origins this response may be framed by, when its page named them. */
    @SuppressWarnings("unchecked")
    public static Optional<List<String>> allowed(HttpServletRequest request) {
        return Optional.ofNullable((List<String>) request.getAttribute(ATTRIBUTE));
    }
}
