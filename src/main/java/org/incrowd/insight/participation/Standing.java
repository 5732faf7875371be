package org.incrowd.insight.participation;

import java.util.Objects;
import org.incrowd.identity.ProfileFacts;
import org.incrowd.insight.participation.algorithm.Dimension;

/**
 * Where one person stands in a Jam: the groups their profile puts them in ('' where it does not say), whether they
 * are in the Jam's audience ({@code invited}) and joined it. {@code byType}: invited as one of a participant type
 * the Jam admits, and so already counted among that type's people ({@code participation_audience}), not per Jam.
 */
record Standing(String country, String unit, String jobRole, String participantType, boolean invited,
                boolean joined, boolean byType) {

    static Standing of(ProfileFacts facts, boolean invited, boolean joined, boolean byType) {
        return new Standing(stored(facts.country()), stored(facts.orgUnit()), stored(facts.jobRole()),
                facts.participantType().name(), invited, joined, invited && byType);
    }

    /** Counted in the Jam whatever they did: the figures' base for the Jam and each of its forums. */
    boolean inBase() {
        return invited || joined;
    }

    /** Counted here as a person of the Jam (not only as one of their type's people). */
    boolean countedHere() {
        return (invited && !byType) || joined;
    }

    /** The group this person is in for one dimension ('' where not given). */
    String valueOf(Dimension dimension) {
        return valueOf(dimension, country, unit, jobRole, participantType);
    }

    static String valueOf(Dimension dimension, String country, String unit, String jobRole, String participantType) {
        return switch (dimension) {
            case COUNTRY -> country;
            case UNIT -> unit;
            case ROLE -> jobRole;
            case TYPE -> participantType;
        };
    }

    /** The read model keeps "not given" as '' (a real value is never blank), so that it can be part of a key. */
    static String stored(String value) {
        return Objects.requireNonNullElse(value, "");
    }

    static String shown(String stored) {
        return stored.isEmpty() ? null : stored;
    }
}
