package org.incrowd.insight.participation.algorithm;

import java.util.function.Function;

/** A way to group people: each gets one breakdown table and one place in the quiet list. */
public enum Dimension {
    COUNTRY(Grouped::country),
    UNIT(Grouped::unit),
    ROLE(Grouped::jobRole),
    TYPE(Grouped::participantType);

    private final Function<Grouped, String> value;

    Dimension(Function<Grouped, String> value) {
        this.value = value;
    }

    /** The person's group in this dimension; null where their profile does not say. */
    public String of(Grouped person) {
        return value.apply(person);
    }
}
