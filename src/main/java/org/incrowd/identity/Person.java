package org.incrowd.identity;

import java.time.Instant;
import java.util.Set;

/**
 * A person with an account.
 *
 * @param emailVerifiedAt when they proved they read mail at {@code email} (a link followed, a provider or an accepted
 *                        invitation vouching), or null while nobody has
 */
public record Person(long id, String email, String displayName, String country, String orgUnit, String jobRole,
                     ParticipantType participantType, String language, Set<Role> roles, Instant createdAt,
                     Instant emailVerifiedAt) {

    public boolean verified() {
        return emailVerifiedAt != null;
    }

    public Actor asActor() {
        return new Actor(id, roles, participantType, email, verified());
    }
}
