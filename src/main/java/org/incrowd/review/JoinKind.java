package org.incrowd.review;

/** How two ideas are joined: linked (both stay, each shows "see also") or merged (one is joined into the other). */
public enum JoinKind {
    LINK, MERGE;

    public String messageKey() {
        return "joining.kindLabel." + name();
    }
}
