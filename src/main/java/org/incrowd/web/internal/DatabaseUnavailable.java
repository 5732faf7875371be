package org.incrowd.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.incrowd.shared.ErrorPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached, every request that needs it is answered 503 Service Unavailable with a
 * {@code Retry-After}, as an RFC 9457 problem for programs and a friendly page for people, instead of a 500 with a
 * stack trace. The pool gives up on a connection after two seconds ({@code spring.datasource.hikari.connection-timeout}),
 * so nobody waits long, and it keeps trying in the background, so Incrowd recovers by itself when the database is
 * back. It wraps everything, the security filters included, which read the signed-in person on every request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseUnavailable extends OncePerRequestFilter {

    static final String MESSAGE_KEY = "error.unavailable";
    static final int RETRY_AFTER_SECONDS = 10;
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    private final MessageSource messages;

    DatabaseUnavailable(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!isDatabaseUnreachable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("The database cannot be reached: {} {} answered {} ({})", request.getMethod(),
                    request.getRequestURI(), isLiveStream(request) ? "come back soon" : "503", rootCause(e).toString());
            answer(request, response);
        }
    }

    static boolean isDatabaseUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    // SQL state class 08: connection exception (PostgreSQL, H2 and the SQL standard agree).
                    || (cause instanceof SQLException sql && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("08"))
                    || couldNotEnd(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A transaction that could not be ended on its connection: the database went away in the middle of it (a restart
     * terminates every session). The rollback that follows the failure then fails too, on a connection the pool has
     * already closed ("Connection is closed", without an SQL state), and that exception replaces the first one, which
     * is kept only as the application exception, if at all. The transaction manager translates every SQL state it
     * knows (a conflict, a constraint), so an untranslated JDBC failure to commit or roll back is a lost connection:
     * the client is told to come back, as for any other loss of the database, instead of a 500.
     */
    private static boolean couldNotEnd(Throwable e) {
        return e instanceof TransactionSystemException failed && (failed.getCause() instanceof SQLException
                || failed.getApplicationException() != null && isDatabaseUnreachable(failed.getApplicationException()));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean isLiveStream(HttpServletRequest request) {
        return path(request).startsWith("/live/");
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        if (isLiveStream(request)) {
            // A reconnect storm can take every connection of the pool for a moment: the page must not stop being live.
            StartingUp.comeBackSoon(response);
            return;
        }
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        String path = path(request);
        if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
            ProblemResponses.write(request, response, messages, HttpStatus.SERVICE_UNAVAILABLE, MESSAGE_KEY, null);
        } else {
            // No form token on this page: making one would start a session, which cannot be stored just now.
            request.removeAttribute(CsrfToken.class.getName());
            // Nothing is kept for sending again: sessions live in the database too (ADR 53), so a kept form could
            // not be stored; the page says that nothing was saved. The browser's Back button still has the text.
            ErrorPage.show(request, response, HttpStatus.SERVICE_UNAVAILABLE.value(), MESSAGE_KEY);
        }
    }
}
