package org.incrowd.support;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.util.WebUtils;

/**
 * Lets MockMvc tests keep handing a {@code MockHttpSession} from one request to the next although sessions live in
 * the database (ADR 53): the mock session carries the session cookie, as a browser's cookie jar does. Before a
 * request the cookie it holds is sent; afterwards the cookie the response set is kept in it, and a cookie that ends
 * the session invalidates it, as the container's session was invalidated before. Requests from a real browser pass
 * untouched.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockMvcSessions {

    static final String COOKIE = "JSESSIONID";
    private static final String KEPT = MockMvcSessions.class.getName() + ".cookie";

    @Bean
    FilterRegistrationBean<Filter> mockSessionCookies() {
        Filter filter = (request, response, chain) -> {
            var mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
            var mockResponse = WebUtils.getNativeResponse(response, MockHttpServletResponse.class);
            if (mock == null || mockResponse == null) {
                chain.doFilter(request, response);
                return;
            }
            sendKeptCookie(mock);
            chain.doFilter(request, response);
            keepSetCookie(mock, mockResponse);
        };
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE); // before Spring Session's filter
        return registration;
    }

    /**
     * Sets an attribute of the stored session that {@code session} carries the cookie of, as the application would
     * (a test that makes a session look idle, say).
     */
    @SuppressWarnings("unchecked")
    public static void setAttribute(ApplicationContext context, MockHttpSession session, String name, Object value) {
        var id = new String(Base64.getDecoder().decode((String) session.getAttribute(KEPT)), StandardCharsets.UTF_8);
        var sessions = (SessionRepository<Session>) (SessionRepository<?>) context.getBean(
                JdbcIndexedSessionRepository.class);
        var stored = sessions.findById(id);
        stored.setAttribute(name, value);
        sessions.save(stored);
    }

    private static void sendKeptCookie(MockHttpServletRequest request) {
        var session = request.getSession(false);
        if (session == null || !(session.getAttribute(KEPT) instanceof String value)) {
            return;
        }
        var others = request.getCookies() == null ? Stream.<Cookie>empty()
                : Arrays.stream(request.getCookies()).filter(c -> !c.getName().equals(COOKIE));
        request.setCookies(Stream.concat(others, Stream.of(new Cookie(COOKIE, value))).toArray(Cookie[]::new));
    }

    private static void keepSetCookie(MockHttpServletRequest request, HttpServletResponse response) {
        var mockResponse = (MockHttpServletResponse) response;
        Cookie last = null;
        for (var cookie : mockResponse.getCookies()) {
            if (cookie.getName().equals(COOKIE)) {
                last = cookie;
            }
        }
        if (last == null) {
            return;
        }
        var session = request.getSession(false);
        if (last.getMaxAge() == 0 || last.getValue().isEmpty()) {
            if (session != null && !isInvalid(session)) {
                session.invalidate();
            }
        } else {
            request.getSession(true).setAttribute(KEPT, last.getValue());
        }
    }

    private static boolean isInvalid(jakarta.servlet.http.HttpSession session) {
        return session instanceof org.springframework.mock.web.MockHttpSession mock && mock.isInvalid();
    }
}
