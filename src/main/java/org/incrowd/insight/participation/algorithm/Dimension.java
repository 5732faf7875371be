package org.incrowd.insight.participation.algorithm;

import java.util.function.Function;

/** A way to group people: each gets one breakdown table and one place in the quiet list. */
public enum Dimension {
    COUNTRY(Counted::country),
    UNIT(Counted::unit),
    ROLE(Counted::jobRole),
    TYPE(Counted::participantType);

    private final Function<Counted, String> value;

    Dimension(Function<Counted, String> value) {
        this.value = value;
    }

    /** The person's group in this dimension; null where their profile does not say. */
    public String of(Counted person) {
        return value.apply(person);
    }
}
