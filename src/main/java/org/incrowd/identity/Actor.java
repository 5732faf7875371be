package org.incrowd.identity;

import java.util.Set;

/**
 * The person a request acts for, as the modules check permissions: every service that changes data takes one, so
 * authorisation lives beside the data it protects.
 */
public record Actor(long personId, Set<Role> roles, ParticipantType participantType, String email, boolean verified) {

    /**
     * Someone who is not signed in. They may read what was opened to guests (a Jam an organiser made readable by
     * guests) and nothing else; they never post, react or join. No person has id 0.
     */
    public static final Actor GUEST = new Actor(0, Set.of(), null, null, false);

    public Actor {
        roles = Set.copyOf(roles);
    }

    /**
     * Whether they proved they read mail at {@link #email()}. Until then they read what an account may read, but do
     * not post, react or join an invitation-only Jam: an address typed at sign-up is a claim, and an invitation list
     * names addresses, not whoever typed one.
     */
    @Override
    public boolean verified() {
        return verified;
    }

    public boolean isGuest() {
        return personId == GUEST.personId;
    }

    public boolean isAdministrator() {
        return roles.contains(Role.ADMINISTRATOR);
    }

    /** Administrators and organisers create and run Jams. */
    public boolean canOrganise() {
        return isAdministrator() || roles.contains(Role.ORGANISER);
    }

    /** Observers read; everyone else with an account may take part where a Jam lets them. */
    public boolean isReadOnly() {
        return roles.contains(Role.OBSERVER) && !canOrganise() && !roles.contains(Role.PARTICIPANT);
    }
}
