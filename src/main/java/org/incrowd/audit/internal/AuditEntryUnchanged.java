package org.incrowd.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's guard on {@code audit_entry} (V151): every update and delete fails, whoever sends it. PostgreSQL has the same
 * guard in plpgsql. Public with a public constructor because H2 creates it by name.
 */
public class AuditEntryUnchanged implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(AuditGuard.MESSAGE, "45000");
    }
}
