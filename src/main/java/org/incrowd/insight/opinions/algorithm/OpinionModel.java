package org.incrowd.insight.opinions.algorithm;

/**
 * The fitted state of a run that lets the next run start where this one ended: the principal components by statement
 * key (an update's clusters start afresh; see GroupClustering for why). Opaque to callers.
 */
public final class OpinionModel {

    private final MissingVotes missingVotes;
    private final PrincipalComponents components;

    OpinionModel(MissingVotes missingVotes, PrincipalComponents components) {
        this.missingVotes = missingVotes;
        this.components = components;
    }

    MissingVotes missingVotes() {
        return missingVotes;
    }

    PrincipalComponents components() {
        return components;
    }

    /** Equal when fitted to the same result: the same votes give equal models, and so equal results. */
    @Override
    public boolean equals(Object other) {
        return other instanceof OpinionModel model && missingVotes == model.missingVotes
                && components.equals(model.components);
    }

    @Override
    public int hashCode() {
        return 31 * missingVotes.hashCode() + components.hashCode();
    }

    /** How many power-iteration steps the principal components took (a measure of how warm the start was). */
    public int componentIterations() {
        return components.iterations();
    }
}
