package org.incrowd.jam;

import org.incrowd.identity.ParticipantType;

/**
 * How the invitations of one participant type fare; {@code type} null for invitations without a chosen type.
 * {@code notYet} counts those a reminder goes to: sent or waiting, expired included ({@code expired} counts those).
 */
public record InvitationCounts(ParticipantType type, long sent, long bounced, long accepted, long notYet,
                               long expired) {
}
