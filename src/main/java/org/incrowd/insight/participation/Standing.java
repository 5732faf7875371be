package org.incrowd.insight.participation;

import java.util.Objects;
import org.incrowd.identity.ProfileFacts;

/**
 * Where one person stands in a Jam: the groups their profile puts them in ('' where it does not say) and whether
 * they are in the Jam's audience ({@code invited}) and joined it.
 */
record Standing(String country, String unit, String jobRole, String participantType, boolean invited,
                boolean joined) {

    static Standing of(ProfileFacts facts, boolean invited, boolean joined) {
        return new Standing(stored(facts.country()), stored(facts.orgUnit()), stored(facts.jobRole()),
                facts.participantType().name(), invited, joined);
    }

    /** Counted in the Jam whatever they did: the figures' base for the Jam and each of its forums. */
    boolean inBase() {
        return invited || joined;
    }

    /** The read model keeps "not given" as '' (a real value is never blank), so that it can be part of a key. */
    static String stored(String value) {
        return Objects.requireNonNullElse(value, "");
    }

    static String shown(String stored) {
        return stored.isEmpty() ? null : stored;
    }
}
