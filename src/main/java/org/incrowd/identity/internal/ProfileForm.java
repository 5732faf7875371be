package org.incrowd.identity.internal;

import org.incrowd.identity.Person;

/** The profile form as typed. */
public record ProfileForm(String displayName, String country, String orgUnit, String jobRole, String participantType,
                   String language) {

    static ProfileForm of(Person p) {
        return new ProfileForm(p.displayName(), nullToEmpty(p.country()), nullToEmpty(p.orgUnit()),
                nullToEmpty(p.jobRole()), p.participantType().name(), nullToEmpty(p.language()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
