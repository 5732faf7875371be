package org.incrowd.discussion;

/** The tallies shown under a post. */
public record ReactionCounts(long agree, long disagree, long pass, long helpful) {

    public static final ReactionCounts NONE = new ReactionCounts(0, 0, 0, 0);

    public long of(ReactionKind kind) {
        return switch (kind) {
            case AGREE -> agree;
            case DISAGREE -> disagree;
            case PASS -> pass;
        };
    }
}
