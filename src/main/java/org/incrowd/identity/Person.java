package org.incrowd.identity;

import java.time.Instant;
import java.util.Set;

/** A person with an account. */
public record Person(long id, String email, String displayName, String country, String orgUnit, String jobRole,
                     ParticipantType participantType, String language, Set<Role> roles, Instant createdAt) {

    public Actor asActor() {
        return new Actor(id, roles, participantType, email);
    }
}
