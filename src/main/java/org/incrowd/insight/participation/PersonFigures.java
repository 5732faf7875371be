package org.incrowd.insight.participation;

/**
 * One person's share of a Jam's figures: where they stand (null: no profile, so in no group) and what they did.
 * Each change to a person's figures is this share read afresh, minus the share stored before.
 */
record PersonFigures(Standing standing, PersonActivity activity) {

    static final PersonFigures NOBODY = new PersonFigures(null, PersonActivity.NONE);

    /** Counted in the groups: in the audience, joined, or active (organisers and staff take part from outside). */
    boolean counted() {
        return standing != null && (standing.inBase() || !activity.isEmpty());
    }
}
