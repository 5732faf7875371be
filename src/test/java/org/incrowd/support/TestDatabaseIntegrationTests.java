package org.incrowd.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Checks the test database support on its own, without starting the application. Named *IntegrationTests so the
 * "postgres" surefire run repeats it against the embedded PostgreSQL.
 */
class TestDatabaseIntegrationTests {

    @Test
    void givesEachContextItsOwnReachableDatabaseOfTheConfiguredKind() throws SQLException {
        Environment first = initialized();
        Environment second = initialized();

        String url = first.getProperty("spring.datasource.url");
        assertThat(url).startsWith("postgres".equals(TestDatabase.kind()) ? "jdbc:postgresql:" : "jdbc:h2:mem:");
        assertThat(second.getProperty("spring.datasource.url")).isNotEqualTo(url);

        try (Connection connection = connect(first)) {
            assertThat(query(connection, "select 1")).isEqualTo("1");
            if ("postgres".equals(TestDatabase.kind())) {
                assertThat(query(connection, "select version()")).contains("PostgreSQL");
            }
        }
        try (Connection connection = connect(second)) {
            assertThat(query(connection, "select 1")).isEqualTo("1");
        }
    }

    @Test
    void overridesDatasourceSettingsFromElsewhere() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("app", Map.of("spring.datasource.url", "jdbc:h2:file:./data/incrowd")));
        new TestDatabase().initialize(context);

        assertThat(context.getEnvironment().getProperty("spring.datasource.url")).doesNotContain("file:");
    }

    private static Environment initialized() {
        GenericApplicationContext context = new GenericApplicationContext();
        new TestDatabase().initialize(context);
        return context.getEnvironment();
    }

    private static Connection connect(Environment environment) throws SQLException {
        return DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
