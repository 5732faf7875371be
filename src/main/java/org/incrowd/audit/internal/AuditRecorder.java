package org.incrowd.audit.internal;

import java.time.Clock;
import org.incrowd.shared.AdministrativeAct;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Appends each administrative act in the act's own transaction (a plain {@code @EventListener}): if the entry cannot
 * be written, the act fails with it.
 */
@Component
class AuditRecorder {

    private final AuditRows rows;
    private final Clock clock;

    AuditRecorder(AuditRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @EventListener
    void on(AdministrativeAct act) {
        rows.append(clock.instant(), act);
    }
}
