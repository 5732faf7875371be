package org.incrowd.insight.participation;

/**
 * One person's share of a Jam's figures: where they stand (null: no profile, so in no group) and what they did.
 * Each change to a person's figures is this share read afresh, minus the share stored before.
 */
record PersonFigures(Standing standing, PersonActivity activity) {

    static final PersonFigures NOBODY = new PersonFigures(null, PersonActivity.NONE);

    /**
     * Has a share of this Jam's own figures: invited by address, joined, or active (organisers and staff take part
     * from outside the audience). Those only invited by their type are counted once for every Jam.
     */
    boolean counted() {
        return standing != null && (standing.countedHere() || !activity.isEmpty());
    }
}
