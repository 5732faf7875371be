package org.incrowd.review;

import java.util.List;
import java.util.Set;

/** What happened to proposals to join ideas, for the modules that tell people (notify). */
public final class JoinEvents {

    private JoinEvents() {
    }

    /** Both authors are asked for their consent. */
    public record JoinProposed(IdeaJoin join) {
    }

    /** An author declined; the proposer is told. */
    public record JoinDeclined(IdeaJoin join, long declinedBy, String comment) {
    }

    /**
     * Both authors accepted and the ideas were joined. {@code supporters}: who had reacted to the joined idea (a
     * merge) or to either idea (a link), for those who are told besides the authors and followers.
     */
    public record IdeasJoined(IdeaJoin join, Set<Long> supporters) {
    }

    /** A join was undone by a reviewer, with the reason; the authors are told. */
    public record JoinUndone(IdeaJoin join, long undoneBy, String reason) {
    }

    /** Everyone concerned by both authors: helps listeners that tell them once each. */
    public static List<Long> authors(IdeaJoin join) {
        return join.ideaAuthorId() == join.otherAuthorId() ? List.of(join.ideaAuthorId())
                : List.of(join.ideaAuthorId(), join.otherAuthorId());
    }
}
