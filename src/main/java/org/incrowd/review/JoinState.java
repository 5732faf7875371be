package org.incrowd.review;

/** Where a proposal to join two ideas stands. Nothing happens to the ideas before it is {@link #DONE}. */
public enum JoinState {
    /** Waiting for both authors' consent. */
    PROPOSED,
    /** An author declined: the proposal ended and nothing was joined. */
    DECLINED,
    /** Both authors accepted and the ideas were joined. */
    DONE,
    /** Joined, then undone: both ideas are as they were before. */
    UNDONE;

    public String messageKey() {
        return "joining.state." + name();
    }
}
