package org.incrowd.audit;

/**
 * What walking the hash chain found (ADR 46).
 *
 * @param entries       how many entries there are
 * @param brokenAt      the id of the first entry that does not match its fields and predecessor (null: none)
 * @param headCount     how many entries the chain's head says were appended, where that differs from what remains or
 *                      its last hash does not match (entries removed from the end); null when it agrees
 */
public record AuditCheck(long entries, Long brokenAt, Long headCount) {

    public boolean intact() {
        return brokenAt == null && headCount == null;
    }
}
