package org.incrowd.jam;

/** Where a Jam is in its life. The phase follows the clock; organisers may open or close early. */
public enum JamPhase {
    DRAFT, SCHEDULED, LIVE, CLOSED, COMMUNITY;

    public String messageKey() {
        return "phase." + name();
    }
}
