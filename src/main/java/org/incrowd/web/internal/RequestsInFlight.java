package org.incrowd.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.incrowd.web.RequestTraffic;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the requests this node is serving. A count, not a rate: it costs two atomic operations a request, and
 * background work asks it at its own pace. A live stream's request ends when its stream is handed to the async
 * machinery, so open streams do not keep the node busy.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestsInFlight extends OncePerRequestFilter implements RequestTraffic {

    /** About the gap between a page and the requests it makes next: shorter gaps are still traffic. */
    static final Duration QUIET_AFTER = Duration.ofMillis(250);

    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongSupplier nanoTime;
    private volatile long lastEnded;

    RequestsInFlight() {
        this(System::nanoTime);
    }

    RequestsInFlight(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.lastEnded = nanoTime.getAsLong() - QUIET_AFTER.toNanos();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        inFlight.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } finally {
            lastEnded = nanoTime.getAsLong();
            inFlight.decrementAndGet();
        }
    }

    @Override
    public boolean quiet() {
        return inFlight.get() == 0 && nanoTime.getAsLong() - lastEnded >= QUIET_AFTER.toNanos();
    }
}
