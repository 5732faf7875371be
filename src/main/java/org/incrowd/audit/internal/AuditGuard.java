package org.incrowd.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.incrowd.shared.DatabaseProduct;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration V151: the database refuses to change or delete audit entries (ADR 46). Entries written before the chain
 * existed get their hashes first; then a trigger fails every UPDATE and DELETE on {@code audit_entry} (and, on
 * PostgreSQL, TRUNCATE). Written in Java, like V76, because the two databases need different triggers: plpgsql on
 * PostgreSQL, a Java trigger class ({@link AuditEntryUnchanged}) on H2.
 */
@Component
public class AuditGuard implements JavaMigration {

    static final String MESSAGE = "audit entries cannot be changed or deleted";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("151");
    }

    @Override
    public String getDescription() {
        return "audit guard audit entry";
    }

    @Override
    public Integer getChecksum() {
        return 151_001;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        chainEarlierEntries(connection);
        install(connection);
    }

    private static void chainEarlierEntries(Connection connection) throws SQLException {
        record Row(long id, Instant at, long actorId, String action, String subject, String reason, String details) {
        }
        var rows = new ArrayList<Row>();
        try (Statement select = connection.createStatement(); var rs = select.executeQuery(
                "select id, at, actor_id, action, subject, reason, details from audit_entry order by id")) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getLong(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
            }
        }
        String previous = AuditChain.GENESIS;
        try (var update = connection.prepareStatement("update audit_entry set hash = ? where id = ?")) {
            for (Row row : rows) {
                previous = AuditChain.link(previous, row.at(), row.actorId(), row.action(), row.subject(),
                        row.reason(), row.details());
                update.setString(1, previous);
                update.setLong(2, row.id());
                update.executeUpdate();
            }
        }
        try (var head = connection.prepareStatement("update audit_chain set last_hash = ?, entries = ? where id = 1")) {
            head.setString(1, previous);
            head.setLong(2, rows.size());
            head.executeUpdate();
        }
    }

    /** Creates the guard; public for the test that removes it to tamper the way a database owner could. */
    public static void install(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : DatabaseProduct.isPostgres(connection) ? List.of(
                    "create or replace function audit_entry_unchanged() returns trigger language plpgsql as $$ "
                            + "begin raise exception '" + MESSAGE + "'; end $$",
                    "create trigger audit_entry_unchanged before update or delete on audit_entry "
                            + "for each row execute function audit_entry_unchanged()",
                    "create trigger audit_entry_not_truncated before truncate on audit_entry "
                            + "for each statement execute function audit_entry_unchanged()")
                    : List.of("create trigger audit_entry_unchanged before update, delete on audit_entry "
                            + "for each row call \"" + AuditEntryUnchanged.class.getName() + "\"")) {
                statement.execute(sql);
            }
        }
    }

    /** Removes the guard (tests only: it shows what a database owner could do, and that the chain reveals it). */
    public static void remove(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            boolean postgres = DatabaseProduct.isPostgres(connection);
            statement.execute("drop trigger audit_entry_unchanged" + (postgres ? " on audit_entry" : ""));
            if (postgres) {
                statement.execute("drop trigger audit_entry_not_truncated on audit_entry");
            }
        }
    }
}
