package org.incrowd.shared;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Which database Incrowd runs on: PostgreSQL, or H2 (the embedded default). Asked where the two need different SQL
 * (locking, upserts, triggers, notifications, extensions); everything else is written once for both.
 */
public final class DatabaseProduct {

    private DatabaseProduct() {}

    /** Whether {@code connection} is to PostgreSQL. */
    public static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }

    /** Whether the database is PostgreSQL, asked on a connection of its own: call it once, not in a transaction. */
    public static boolean isPostgres(DataSource database) {
        try (var connection = database.getConnection()) {
            return isPostgres(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database", e);
        }
    }
}
