package org.incrowd.identity;

/**
 * The parts of a profile that group people for participation figures: no name, no e-mail. Blank values are null.
 */
public record ProfileFacts(long personId, String country, String orgUnit, String jobRole,
                           ParticipantType participantType) {
}
