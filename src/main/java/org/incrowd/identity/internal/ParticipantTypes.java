package org.incrowd.identity.internal;

import java.util.Arrays;
import org.incrowd.identity.ParticipantType;

/** Reads a participant type from a form or JSON without throwing on nonsense. */
final class ParticipantTypes {

    private ParticipantTypes() {
    }

    static ParticipantType parse(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(ParticipantType.values()).filter(t -> t.name().equalsIgnoreCase(value.strip()))
                .findFirst().orElse(null);
    }
}
