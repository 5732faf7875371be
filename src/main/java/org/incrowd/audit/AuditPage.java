package org.incrowd.audit;

import java.util.List;

/**
 * A page of the audit trail, newest first.
 *
 * @param entries the entries with the names of who acted
 * @param page    its number, from 0
 * @param hasMore whether an older page follows
 */
public record AuditPage(List<Shown> entries, int page, boolean hasMore) {

    /** An entry and who acted, by name ("" for the system itself). */
    public record Shown(AuditEntry entry, String actorName) {
    }
}
