package org.incrowd.identity.internal;

import java.time.Instant;

/** An administrator deactivated ({@code active} false) or reactivated an account, and why. */
public record StatusChange(long personId, boolean active, String reason, String changedByName, Instant changedAt) {
}
