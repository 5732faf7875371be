package org.incrowd.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Background work sees the node busy while a page is served and for a moment after, and quiet once nobody asks. */
class RequestsInFlightTests {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RequestsInFlight traffic = new RequestsInFlight(now::get);

    @Test
    void theNodeIsBusyWhileARequestIsServedAndForAMomentAfterThenQuiet() throws Exception {
        assertThat(traffic.quiet()).as("before any request").isTrue();
        var quietDuringRequest = new AtomicBoolean(true);
        var chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest request,
                                   jakarta.servlet.http.HttpServletResponse response) {
                now.addAndGet(RequestsInFlight.QUIET_AFTER.toNanos() * 4); // a slow page
                quietDuringRequest.set(traffic.quiet());
            }
        });

        traffic.doFilter(new MockHttpServletRequest("GET", "/jams/1"), new MockHttpServletResponse(), chain);

        assertThat(quietDuringRequest).as("while the page is served").isFalse();
        assertThat(traffic.quiet()).as("right after it, when its next request may come").isFalse();
        now.addAndGet(RequestsInFlight.QUIET_AFTER.toNanos());
        assertThat(traffic.quiet()).as("once nobody has asked for a while").isTrue();
    }

    @Test
    void aRequestThatFailsStillEndsItsTurn() {
        var chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest request,
                                   jakarta.servlet.http.HttpServletResponse response) {
                throw new IllegalStateException("broken page");
            }
        });

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> traffic.doFilter(
                new MockHttpServletRequest("GET", "/jams/1"), new MockHttpServletResponse(), chain));
        now.addAndGet(RequestsInFlight.QUIET_AFTER.toNanos());

        assertThat(traffic.quiet()).isTrue();
    }
}
