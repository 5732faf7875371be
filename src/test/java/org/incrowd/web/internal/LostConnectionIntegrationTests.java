package org.incrowd.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A write under way when PostgreSQL restarts (its session is terminated in the middle of the transaction) is answered
 * 503 with {@code Retry-After}, as any request is while the database cannot be reached, instead of a 500: the
 * rollback after the failure meets a connection the pool has already closed, and its exception hides the first one.
 */
@IncrowdTest
class LostConnectionIntegrationTests {

    @Autowired
    DatabaseUnavailable filter;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void aReactionWhoseDatabaseSessionIsTerminatedMidwayIsAnswered503AndMayBeSentAgain() throws Exception {
        assumeThat(TestDatabase.kind()).as("terminating a session is PostgreSQL's").isEqualTo("postgres");
        var request = new MockHttpServletRequest("PUT", "/api/v1/posts/1/reaction");
        request.addPreferredLocale(Locale.ENGLISH);
        var response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) {
                transactions.executeWithoutResult(status -> {
                    int session = jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
                    terminate(session); // what a restart of PostgreSQL does to every session
                    jdbc.sql("select 1").query(Integer.class).single();
                });
            }
        }));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getContentAsString()).contains("\"code\":\"error.unavailable\"")
                .doesNotContain("Exception");
        assertThat(jdbc.sql("select 1").query(Integer.class).single()).as("the pool goes on").isEqualTo(1);
    }

    @Test
    void aTransactionThatCouldNotBeRolledBackOnItsClosedConnectionCountsAsTheDatabaseGone() {
        // As the transaction manager reports it when both the work and the rollback met the terminated session.
        var rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new DataAccessResourceFailureException("terminating connection"));

        assertThat(DatabaseUnavailable.isDatabaseUnreachable(rollbackFailed)).isTrue();
        assertThat(DatabaseUnavailable.isDatabaseUnreachable(new IllegalStateException("a bug"))).isFalse();
    }

    private void terminate(int session) {
        try (var other = dataSource.getConnection(); var statement = other.prepareStatement(
                "select pg_terminate_backend(?)")) {
            statement.setInt(1, session);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
