package org.incrowd.audit;

import java.util.List;
import org.incrowd.audit.internal.AuditRows;
import org.incrowd.identity.Actor;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Service;

/** Reading the audit trail: administrators only. Nothing here or anywhere else changes an entry. */
@Service
public class AuditTrail {

    private final AuditRows rows;

    AuditTrail(AuditRows rows) {
        this.rows = rows;
    }

    /** The latest entries first. */
    public List<AuditEntry> latest(Actor actor, int limit) {
        requireAdministrator(actor);
        return rows.latest(Math.max(1, Math.min(limit, 500)));
    }

    private static void requireAdministrator(Actor actor) {
        if (!actor.isAdministrator()) {
            throw Refusal.forbidden("audit.administratorsOnly");
        }
    }
}
