package org.incrowd.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits password sign-in attempts per e-mail address and per client address within a sliding window, so guessing
 * a password is slow while a person who mistypes twice is not locked out.
 */
class SignInRateLimit extends OncePerRequestFilter {

    static final Duration WINDOW = Duration.ofMinutes(10);
    /** Bounds memory when someone tries many different addresses. */
    private static final int MAX_KEYS = 100_000;
    private final int perEmail;
    private final int perAddress;
    private final Clock clock;
    private final Map<String, ArrayDeque<Long>> attempts = new ConcurrentHashMap<>();

    SignInRateLimit(int perEmail, int perAddress, Clock clock) {
        this.perEmail = perEmail;
        this.perAddress = perAddress;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/signin".equals(SecurityConfiguration.pathOf(request)));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String email = String.valueOf(request.getParameter("email")).strip().toLowerCase(Locale.ROOT);
        boolean allowed = record("email:" + email, perEmail) & record("address:" + request.getRemoteAddr(), perAddress);
        if (!allowed) {
            // A redirect rather than a bare 429 keeps the no-JavaScript form flow: the page explains the wait.
            response.setHeader("Retry-After", String.valueOf(WINDOW.toSeconds()));
            response.sendRedirect("/signin?locked");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Counts one attempt under {@code key}; false when the window already holds {@code limit} attempts. */
    boolean record(String key, int limit) {
        long now = clock.millis();
        if (attempts.size() > MAX_KEYS) {
            forgetQuietKeys(now);
        }
        var window = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (window) {
            while (!window.isEmpty() && window.peekFirst() < now - WINDOW.toMillis()) {
                window.pollFirst();
            }
            if (window.size() >= limit) {
                return false;
            }
            window.addLast(now);
            return true;
        }
    }

    private void forgetQuietKeys(long now) {
        attempts.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || e.getValue().peekLast() < now - WINDOW.toMillis();
            }
        });
    }
}
