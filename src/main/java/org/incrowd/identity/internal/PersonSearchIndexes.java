package org.incrowd.identity.internal;

import java.sql.Statement;
import org.incrowd.shared.DatabaseProduct;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration V76: lets administrators search 150,000 people by any part of a name, address or unit. On PostgreSQL,
 * trigram indexes (the pg_trgm extension, which any database owner may create) answer {@code like '%part%'} without
 * reading every row; H2, the single-machine default, has no such index and reads the table, which is quick enough at
 * its sizes. Written in Java because the two databases need different statements for it.
 */
@Component
class PersonSearchIndexes implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("76");
    }

    @Override
    public String getDescription() {
        return "identity index person search";
    }

    @Override
    public Integer getChecksum() {
        return 76_001;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        if (!DatabaseProduct.isPostgres(connection)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_trgm");
            statement.execute("create index person_name_search on person using gin (lower(display_name) gin_trgm_ops)");
            statement.execute("create index person_email_search on person using gin (email gin_trgm_ops)");
            statement.execute("create index person_unit_search on person using gin (lower(org_unit) gin_trgm_ops)");
        }
    }
}
