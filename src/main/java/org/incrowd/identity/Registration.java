package org.incrowd.identity;

/** What a person gives to create an account; checked by {@link IdentityService#register}. */
public record Registration(String email, String password, String displayName, String country, String orgUnit,
                           String jobRole, ParticipantType participantType, String language) {
}
