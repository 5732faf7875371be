package org.incrowd.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A node that is still starting turns requests away briefly instead of failing its own start. */
class StartingUpTests {

    private final StartingUp filter = new StartingUp(messages());

    @Test
    void aPageAskedForWhileTheNodeStartsIsToldToComeBackInAMomentAndReachesNothing() throws Exception {
        var request = new MockHttpServletRequest("GET", "/jams/1");
        request.addPreferredLocale(Locale.GERMAN);
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
        assertThat(response.getContentAsString()).contains("Incrowd startet gerade");
        assertThat(chain.getRequest()).as("nothing behind the filter ran").isNull();
    }

    @Test
    void aLiveStreamOpenedWhileTheNodeStartsEndsAtOnceAndIsToldWhenToComeBack() throws Exception {
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();

        filter.doFilter(new MockHttpServletRequest("GET", "/live/jams/1"), response, chain);

        // An error status would make a browser's EventSource give up; an ended stream is tried again.
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/event-stream");
        assertThat(response.getContentAsString()).matches("retry: \\d+\n\n");
        assertThat(retryMillis(response)).isBetween(2_000L, 6_000L);
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void liveStreamsSentAwayTogetherAreToldToComeBackAtDifferentMomentsBetweenTwoAndSixSeconds() throws Exception {
        var delays = new HashSet<Long>();
        for (int i = 0; i < 50; i++) {
            var response = new MockHttpServletResponse();
            filter.doFilter(new MockHttpServletRequest("GET", "/live/jams/1"), response, new MockFilterChain());
            delays.add(retryMillis(response));
        }

        // A crowd told the same delay would come back in the same instant (a reconnect storm): the delays spread.
        assertThat(delays).allSatisfy(delay -> assertThat(delay).isBetween(2_000L, 6_000L));
        assertThat(delays).hasSizeGreaterThan(1);
    }

    private static long retryMillis(MockHttpServletResponse response) throws Exception {
        return Long.parseLong(response.getContentAsString().strip().substring("retry:".length()).strip());
    }

    @Test
    void theHealthEndpointAnswersWhileStartingAndEverythingPassesOnceReady() throws Exception {
        var health = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("GET", "/actuator/health/readiness"), new MockHttpServletResponse(),
                health);
        assertThat(health.getRequest()).isNotNull();

        filter.onApplicationEvent(null);
        var page = new MockFilterChain();
        var response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/jams/1"), response, page);
        assertThat(page.getRequest()).isNotNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    private static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
