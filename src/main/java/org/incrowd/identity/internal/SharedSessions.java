package org.incrowd.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import javax.sql.DataSource;
import org.incrowd.shared.DatabaseProduct;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.session.Session;
import org.springframework.session.FlushMode;
import org.springframework.session.SaveMode;
import org.springframework.session.SessionRepository;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Browser sessions kept in the database (Spring Session JDBC, ADR 53), so that any node serves any browser and a
 * restarted node signs no one out.
 *
 * <p>Spring Session writes a session's row on every request, only to move its last-access time. Here a request that
 * changes nothing in the session writes nothing: the last-access time is moved only once it is a tenth of the idle
 * timeout old (at most a minute). A session thus ends at most that much earlier than its idle timeout says, and a
 * page view costs one read of the session, no write.
 *
 * <p>Configured here rather than by Spring Boot, which steps back as soon as there is a repository of one's own. The
 * tables come from Flyway (V160), never from Spring Session; every node deletes expired sessions once a minute. The
 * cookie keeps what {@code server.servlet.session.cookie.*} says (name, same-site, http-only, secure), as the
 * container's did: Boot's own cookie for Spring Session came out without them.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession(tableName = "http_session", cleanupCron = "0 * * * * *")
class SharedSessions {

    /** The last-access time is written at the latest after this long, however long the idle timeout. */
    static final Duration MOST_STALE = Duration.ofMinutes(1);

    @Bean
    CookieSerializer sessionCookie(ServerProperties server) {
        var settings = server.getServlet().getSession().getCookie();
        var cookie = new DefaultCookieSerializer();
        cookie.setCookieName(settings.getName() == null ? "JSESSIONID" : settings.getName());
        cookie.setUseHttpOnlyCookie(settings.getHttpOnly() == null || settings.getHttpOnly());
        if (settings.getSecure() != null) {
            cookie.setUseSecureCookie(settings.getSecure()); // otherwise secure exactly when the request came by TLS
        }
        if (settings.getSameSite() != null) {
            cookie.setSameSite(settings.getSameSite().attributeValue());
        }
        if (settings.getDomain() != null) {
            cookie.setDomainName(settings.getDomain());
        }
        if (settings.getPath() != null) {
            cookie.setCookiePath(settings.getPath());
        }
        if (settings.getMaxAge() != null) {
            cookie.setCookieMaxAge((int) settings.getMaxAge().toSeconds());
        }
        return cookie;
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionSettings(
            @Value("${server.servlet.session.timeout:30m}") Duration timeout, DataSource database) {
        String newAttribute = newAttributeQuery(database);
        return sessions -> {
            sessions.setDefaultMaxInactiveInterval(timeout);
            sessions.setFlushMode(FlushMode.ON_SAVE); // once, after the response, not at every change
            sessions.setSaveMode(SaveMode.ON_SET_ATTRIBUTE); // only the attributes that were set
            sessions.setCreateSessionAttributeQuery(newAttribute);
        };
    }

    /**
     * Writes an attribute a session did not have as an upsert. Two requests of one browser that run at once (two
     * tabs, or the pages opened right after signing in) each read the session without, say, its CSRF token, each make
     * one and each insert it: the second insert broke on the primary key and its request failed after its page had
     * been sent. With an upsert the later token wins, as it would in memory. PostgreSQL's {@code on conflict} is
     * atomic under concurrency (a {@code merge} is not); H2 has its own {@code merge ... key}.
     */
    static String newAttributeQuery(DataSource database) {
        if (DatabaseProduct.isPostgres(database)) {
            return """
                    insert into %TABLE_NAME%_attributes (session_primary_id, attribute_name, attribute_bytes)
                    values (?, ?, ?)
                    on conflict (session_primary_id, attribute_name) do update set attribute_bytes = excluded.attribute_bytes""";
        }
        return """
                merge into %TABLE_NAME%_attributes (session_primary_id, attribute_name, attribute_bytes)
                key (session_primary_id, attribute_name) values (?, ?, ?)""";
    }

    @Bean
    @Primary
    @SuppressWarnings("unchecked") // the JDBC repository takes back only the sessions it gave out, as here
    QuietSessions quietSessions(JdbcIndexedSessionRepository sessions) {
        return new QuietSessions((SessionRepository<Session>) (SessionRepository<?>) sessions);
    }

    /** The repository that the session filter uses: the JDBC one, but quiet on reads. */
    static final class QuietSessions implements SessionRepository<QuietSession> {

        private static final Logger log = LoggerFactory.getLogger(QuietSessions.class);

        private final SessionRepository<Session> sessions;

        QuietSessions(SessionRepository<Session> sessions) {
            this.sessions = sessions;
        }

        @Override
        public QuietSession createSession() {
            return new QuietSession(sessions.createSession());
        }

        /**
         * One save at a time per session: a streamed response (live updates) commits the session when it first
         * flushes, on another thread than the request's own, which commits it again when it ends; two at once would
         * both insert a new session.
         */
        @Override
        public void save(QuietSession session) {
            synchronized (session.stored) {
                try {
                    sessions.save(session.stored);
                } catch (CannotCreateTransactionException | DataAccessResourceFailureException unreachable) {
                    // The database is down: the response (a 503 page) is on its way out and must not break off;
                    // what changed in the session is lost, as everything else sent meanwhile.
                    log.warn("A session could not be saved: the database cannot be reached ({})", unreachable.toString());
                }
            }
        }

        @Override
        public QuietSession findById(String id) {
            var found = sessions.findById(id);
            return found == null ? null : new QuietSession(found);
        }

        @Override
        public void deleteById(String id) {
            sessions.deleteById(id);
        }
    }

    /** A stored session whose last-access time moves only when that is worth a write. */
    static final class QuietSession implements Session {

        private final Session stored;

        QuietSession(Session stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant now) {
            var idle = stored.getMaxInactiveInterval();
            var staleEnough = idle.isNegative() || idle.isZero() ? MOST_STALE : idle.dividedBy(10);
            if (staleEnough.compareTo(MOST_STALE) > 0) {
                staleEnough = MOST_STALE;
            }
            if (!now.isBefore(stored.getLastAccessedTime().plus(staleEnough))) {
                stored.setLastAccessedTime(now);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return stored.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            stored.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            stored.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
