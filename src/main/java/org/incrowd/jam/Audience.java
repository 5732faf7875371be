package org.incrowd.jam;

import java.util.List;
import java.util.Set;
import org.incrowd.identity.ParticipantType;

/**
 * Who a Jam was opened to: for an invitation-only Jam the addresses it invites (whether or not they have an account
 * yet), otherwise everyone of the participant types it admits.
 */
public record Audience(boolean byInvitation, List<String> invitedAddresses, Set<ParticipantType> types) {

    public Audience {
        invitedAddresses = List.copyOf(invitedAddresses);
        types = Set.copyOf(types);
    }

    static Audience invited(List<String> addresses) {
        return new Audience(true, addresses, Set.of());
    }

    static Audience ofTypes(Set<ParticipantType> types) {
        return new Audience(false, List.of(), types);
    }
}
