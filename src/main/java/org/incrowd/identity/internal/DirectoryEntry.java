package org.incrowd.identity.internal;

import java.time.Instant;
import java.util.List;
import org.incrowd.identity.Person;

/** One person in the administrators' directory, with whether and why the account is deactivated. */
public record DirectoryEntry(Person person, Instant deactivatedAt, List<StatusChange> history) {

    public boolean deactivated() {
        return deactivatedAt != null;
    }

    /** The latest change, the one that explains the account's current state; null when there was none. */
    public StatusChange latest() {
        return history.isEmpty() ? null : history.getFirst();
    }
}
