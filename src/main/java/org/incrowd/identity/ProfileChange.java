package org.incrowd.identity;

/** The parts of a profile a person edits themselves. */
public record ProfileChange(String displayName, String country, String orgUnit, String jobRole,
                            ParticipantType participantType, String language) {
}
