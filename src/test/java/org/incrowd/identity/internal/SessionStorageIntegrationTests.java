package org.incrowd.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.http.Cookie;
import java.util.List;
import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Sessions kept in the database (ADR 53): the cookie is the one browsers got before, signing in changes the session
 * id (no session fixation), a page view reads the session and writes nothing, and expired sessions are
 * deleted.
 */
@IncrowdTest
class SessionStorageIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxUnderItsOldName() throws Exception {
        var person = Fixtures.of(context).person("Cookie", Role.PARTICIPANT);
        var signedIn = mvc.perform(post("/signin").param("email", person.email()).param("password", Fixtures.PASSWORD)
                .with(csrf()).with(Fixtures.from(Fixtures.newAddress())).with(Fixtures.browser())).andReturn();
        var cookie = signedIn.getResponse().getHeaders("Set-Cookie").stream()
                .filter(header -> header.startsWith("JSESSIONID=")).reduce((first, last) -> last).orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void signingInGivesTheBrowserANewSessionIdAndTheOldOneSignsNoOneIn() throws Exception {
        var person = Fixtures.of(context).person("Fixation", Role.PARTICIPANT);
        var before = sessionCookie(mvc.perform(get("/signin").with(Fixtures.browser())).andReturn().getResponse());

        var signedIn = mvc.perform(post("/signin").cookie(before).param("email", person.email())
                .param("password", Fixtures.PASSWORD).with(csrf()).with(Fixtures.from(Fixtures.newAddress()))
                .with(Fixtures.browser())).andReturn().getResponse();
        var after = sessionCookie(signedIn);

        assertThat(after.getValue()).isNotEqualTo(before.getValue());
        assertThat(mvc.perform(get("/profile").cookie(after).with(Fixtures.browser())).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/profile").cookie(before).with(Fixtures.browser())).andReturn().getResponse()
                .getRedirectedUrl()).contains("/signin");
    }

    /**
     * Two requests of one browser at once (two tabs, or the pages opened right after signing in) each find the session
     * without a CSRF token, each make one and each save it: the later save used to fail on the primary key, and with it
     * the request, after its page had been sent.
     */
    @Test
    @SuppressWarnings("unchecked") // the repository's own session type is not public
    void twoRequestsThatGiveTheSameSessionANewAttributeAtOnceBothSave() {
        var repository = (SessionRepository<Session>) (SessionRepository<?>) sessions;
        Session session = repository.createSession();
        repository.save(session);
        Session tab = repository.findById(session.getId());
        Session otherTab = repository.findById(session.getId());

        tab.setAttribute("token", "first");
        otherTab.setAttribute("token", "second");
        repository.save(tab);
        repository.save(otherTab);

        assertThat((String) repository.findById(session.getId()).getAttribute("token")).isEqualTo("second");
        repository.deleteById(session.getId());
    }

    private static Cookie sessionCookie(MockHttpServletResponse response) {
        var cookie = response.getCookie("JSESSIONID");
        assertThat(cookie).as("a session cookie").isNotNull();
        return new Cookie(cookie.getName(), cookie.getValue());
    }

    @Test
    void aPageViewReadsTheSessionAndWritesNothing() throws Exception {
        var fixtures = Fixtures.of(context);
        var person = fixtures.person("Reader", Role.PARTICIPANT);
        var session = fixtures.signIn(person);
        var page = get("/profile").session(session).with(Fixtures.browser());
        mvc.perform(page); // the first page makes the CSRF token its forms carry: stored once
        long accessed = lastAccess(person.email());

        var statements = sql(page);
        var ofSessions = statements.stream().filter(sql -> sql.contains("http_session")).toList();
        System.out.println("A signed-in page view: " + statements.size() + " SQL statements, of them for the session: "
                + ofSessions);
        // Reads only: Spring Session reads the session again when the response was sent before its filter ended.
        assertThat(ofSessions).isNotEmpty().allMatch(sql -> sql.trim().toLowerCase().startsWith("select"));
        assertThat(lastAccess(person.email())).isEqualTo(accessed);
    }

    @Test
    void aRequestWithAPersonalTokenLeavesNoSessionBehind() throws Exception {
        var fixtures = Fixtures.of(context);
        var person = fixtures.person("Script", Role.PARTICIPANT);
        long before = jdbc.sql("select count(*) from http_session").query(Long.class).single();

        var answer = mvc.perform(get("/api/v1/jams").with(fixtures.bearer(person))).andReturn().getResponse();

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getCookie("JSESSIONID")).isNull();
        assertThat(jdbc.sql("select count(*) from http_session").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anExpiredSessionIsDeletedAndItsBrowserSignedOut() throws Exception {
        var fixtures = Fixtures.of(context);
        var person = fixtures.person("Expired", Role.PARTICIPANT);
        MockHttpSession session = fixtures.signIn(person);
        jdbc.sql("update http_session set expiry_time = 0 where principal_name = ?").param(person.email()).update();

        sessions.cleanUpExpiredSessions();

        assertThat(jdbc.sql("select count(*) from http_session where principal_name = ?").param(person.email())
                .query(Long.class).single()).isZero();
        var page = mvc.perform(get("/profile").session(session).with(Fixtures.browser())).andReturn().getResponse();
        assertThat(page.getRedirectedUrl()).contains("/signin");
    }

    private long lastAccess(String email) {
        return jdbc.sql("select last_access_time from http_session where principal_name = ?").param(email)
                .query(Long.class).single();
    }

    /** The SQL statements the request runs on this thread, as JdbcTemplate logs them. */
    private List<String> sql(RequestBuilder request) throws Exception {
        var logger = (Logger) LoggerFactory.getLogger(JdbcTemplate.class);
        var level = logger.getLevel();
        var seen = new ListAppender<ILoggingEvent>();
        seen.start();
        logger.addAppender(seen);
        logger.setLevel(Level.DEBUG);
        try {
            assertThat(mvc.perform(request).andReturn().getResponse().getStatus()).isEqualTo(200);
        } finally {
            logger.setLevel(level);
            logger.detachAppender(seen);
        }
        String thread = Thread.currentThread().getName();
        return seen.list.stream().filter(event -> event.getThreadName().equals(thread))
                .map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.startsWith("Executing prepared SQL statement [")
                        || message.startsWith("Executing SQL statement ["))
                .map(message -> message.substring(message.indexOf('[') + 1, message.length() - 1))
                .toList();
    }
}
