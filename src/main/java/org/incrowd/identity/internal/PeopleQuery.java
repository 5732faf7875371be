package org.incrowd.identity.internal;

import java.util.Locale;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Role;

/**
 * What an administrator looks for: parts of a name, an address or a unit (any case), a country code, a participant
 * type, a role, active or deactivated accounts. Empty criteria match everyone.
 */
public record PeopleQuery(String name, String email, String unit, String country, ParticipantType type, Role role,
                          Status status) {

    public enum Status {
        ACTIVE, DEACTIVATED;

        public String messageKey() {
            return "people.status." + name();
        }
    }

    public PeopleQuery {
        name = clean(name);
        email = clean(email);
        unit = clean(unit);
        country = clean(country) == null ? null : clean(country).toUpperCase(Locale.ROOT);
    }

    public static PeopleQuery everyone() {
        return new PeopleQuery(null, null, null, null, null, null, null);
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
