package org.incrowd.review;

/**
 * What reaching a stage means for the person who gave the idea. Listening figures count an idea as acknowledged once
 * it has left its {@link #NEW} stage, and as decided once it reaches an accepting or declining stage.
 */
public enum StageOutcome {
    /** Not looked at yet: where every idea starts. */
    NEW,
    /** Being looked at. */
    OPEN,
    /** Taken up: selected, in progress, implemented. */
    ACCEPTED,
    /** Not pursued. */
    DECLINED;

    public boolean decided() {
        return this == ACCEPTED || this == DECLINED;
    }

    public String messageKey() {
        return "review.outcome." + name();
    }
}
