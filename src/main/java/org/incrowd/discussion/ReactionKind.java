package org.incrowd.discussion;

/** How a person responds to a post; one reaction per person and post, which they may change. */
public enum ReactionKind {
    AGREE, DISAGREE, PASS;

    public String messageKey() {
        return "reaction." + name();
    }
}
