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

    /**
     * A forum kept for reading after its Jam: the community phase, and the organiser did not choose it to continue
     * as a community. Such a forum takes no posts even where its Jam's other forums do.
     */
    public static boolean isArchive(Place place, Instant now) {
        return place.jam().phase(now) == JamPhase.COMMUNITY && !place.forum().communityContinues();
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
