package org.incrowd.jam;

import java.time.Instant;
import org.incrowd.identity.ParticipantType;

/** An invitation to a Jam and what became of it; {@code state} is as of when it was read (expired included). */
public record Invitation(long id, long jamId, String email, String name, ParticipantType participantType,
                         String country, String orgUnit, String jobRole, InvitationRole role, Long forumId,
                         String language, InvitationState state, Instant createdAt, Instant sentAt,
                         Instant expiresAt, Instant acceptedAt, Instant remindedAt) {
}
