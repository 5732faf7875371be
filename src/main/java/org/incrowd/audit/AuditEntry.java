package org.incrowd.audit;

import java.time.Instant;
import java.util.Map;

/** One recorded administrative act (see {@code shared.AdministrativeAct}). */
public record AuditEntry(long id, Instant at, long actorId, String action, String subject, String reason,
                         Map<String, String> details) {
}
