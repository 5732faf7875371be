package org.incrowd.identity.internal;

import org.incrowd.identity.ParticipantType;

/** The sign-up form as typed; the password is never sent back to the page. */
public record SignUpForm(String email, String password, String displayName, String country, String orgUnit,
                  String jobRole, String participantType, String language) {

    /** An empty form whose type is the first of those offered. */
    static SignUpForm empty(java.util.Set<ParticipantType> offered) {
        String type = offered.stream().findFirst().map(Enum::name).orElse("");
        return new SignUpForm("", "", "", "", "", "", type, "");
    }

    SignUpForm withoutPassword() {
        return new SignUpForm(email, "", displayName, country, orgUnit, jobRole, participantType, language);
    }

    ParticipantType participantTypeOrNull() {
        return ParticipantTypes.parse(participantType);
    }
}
