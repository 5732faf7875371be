package org.incrowd.jam;

import java.time.Instant;

/** When a Jam takes new posts and reactions: the rule has a name so it is not re-invented in every module. */
public final class PostingPolicy {

    private PostingPolicy() {
    }

    /** Live Jams take posts; so do Jams in the community phase whose organisers allow it. */
    public static boolean acceptsPosts(Jam jam, Instant now) {
        return switch (jam.phase(now)) {
            case LIVE -> true;
            case COMMUNITY -> jam.communityPosting();
            default -> false;
        };
    }

    /** People may join ahead of the start, and later while the Jam still takes part. */
    public static boolean acceptsMembers(Jam jam, Instant now) {
        return switch (jam.phase(now)) {
            case SCHEDULED, LIVE -> true;
            case COMMUNITY -> jam.communityPosting();
            default -> false;
        };
    }
}
