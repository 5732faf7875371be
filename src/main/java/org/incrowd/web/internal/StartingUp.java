package org.incrowd.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.incrowd.shared.LiveReconnect;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until the node is ready, every request is answered at once and touches nothing else. The server takes connections
 * before the start-up work (demo content, the first administrator, catching up with analyses) has run; a node
 * restarted under a Jam's traffic gave its database connections to the crowd's requests, and the start-up work,
 * waiting for one, failed the start, again and again (docs/performance.md, "InnovationJam replay"). Pages and the
 * API get 503 with a {@code Retry-After}; live streams are told to come back in two to six seconds; the health endpoints
 * answer so that a load balancer sees the node starting. It comes first of all filters: the session filter reads
 * the database too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartingUp extends OncePerRequestFilter implements ApplicationListener<ApplicationReadyEvent> {

    static final String MESSAGE_KEY = "error.startingUp";
    static final int RETRY_AFTER_SECONDS = 2;

    private final MessageSource messages;
    private volatile boolean ready;

    StartingUp(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ready = true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (ready || path.startsWith("/actuator/health")) {
            chain.doFilter(request, response);
            return;
        }
        if (path.startsWith("/live/")) {
            comeBackSoon(response);
            return;
        }
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        // A problem document, not a page: rendering the page frame would read the database this filter keeps free.
        ProblemResponses.write(request, response, messages, HttpStatus.SERVICE_UNAVAILABLE, MESSAGE_KEY, null);
    }

    /**
     * Ends a live stream that cannot be served just now, telling the browser when to come back. A browser's
     * EventSource gives up for good on an error status (the page would silently stop being live), but comes back
     * after {@code retry}, with the same Last-Event-ID, from a stream that simply ends. The delay is drawn for each
     * stream ({@link LiveReconnect}), so that a crowd sent away together does not come back together.
     */
    static void comeBackSoon(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(LiveReconnect.retryField());
    }
}
