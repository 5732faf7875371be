package org.incrowd.identity.internal;

import org.incrowd.identity.ParticipantType;

/** The sign-up form as typed; the password is never sent back to the page. */
public record SignUpForm(String email, String password, String displayName, String country, String orgUnit,
                  String jobRole, String participantType, String language) {

    static SignUpForm empty() {
        return new SignUpForm("", "", "", "", "", "", ParticipantType.EMPLOYEE.name(), "");
    }

    SignUpForm withoutPassword() {
        return new SignUpForm(email, "", displayName, country, orgUnit, jobRole, participantType, language);
    }

    ParticipantType participantTypeOrNull() {
        return ParticipantTypes.parse(participantType);
    }
}
