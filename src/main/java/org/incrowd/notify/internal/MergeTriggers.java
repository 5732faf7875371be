package org.incrowd.notify.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.PostFeed;
import org.incrowd.discussion.PostText;
import org.incrowd.notify.NotificationKind;
import org.incrowd.notify.NotificationParams;
import org.incrowd.review.IdeaJoin;
import org.incrowd.review.JoinEvents;
import org.incrowd.review.JoinKind;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who is told about joining duplicates, in the transaction of the step: both authors are asked (each about their
 * own idea), the proposer hears of a decline, and when a merge is carried out its supporters hear where their
 * support went: the authors, everyone who had reacted to the joined idea and its followers (muted threads excepted).
 */
@Component
class MergeTriggers {

    private final Inbox inbox;
    private final Follows follows;
    private final PostFeed posts;
    private final ActorNames actorNames;

    MergeTriggers(Inbox inbox, Follows follows, PostFeed posts, ActorNames actorNames) {
        this.inbox = inbox;
        this.follows = follows;
        this.posts = posts;
        this.actorNames = actorNames;
    }

    @EventListener
    void on(JoinEvents.JoinProposed event) {
        var join = event.join();
        var titles = titles(join);
        String link = "/joins/" + join.id();
        inbox.deliver(NotificationKind.MERGE_PROPOSED, List.of(join.ideaAuthorId()), join.jamId(), link,
                params(join.proposedBy(), titles, join.ideaId(), join.otherId(), null));
        if (join.otherAuthorId() != join.ideaAuthorId()) {
            inbox.deliver(NotificationKind.MERGE_PROPOSED, List.of(join.otherAuthorId()), join.jamId(), link,
                    params(join.proposedBy(), titles, join.otherId(), join.ideaId(), null));
        }
    }

    @EventListener
    void on(JoinEvents.JoinDeclined event) {
        var join = event.join();
        if (join.proposedBy() != event.declinedBy()) {
            inbox.deliver(NotificationKind.JOIN_DECLINED, List.of(join.proposedBy()), join.jamId(),
                    "/joins/" + join.id(), params(event.declinedBy(), titles(join), join.ideaId(), join.otherId(),
                            event.comment()));
        }
    }

    @EventListener
    void on(JoinEvents.IdeasJoined event) {
        var join = event.join();
        var titles = titles(join);
        var told = new LinkedHashSet<Long>(JoinEvents.authors(join));
        told.addAll(event.supporters());
        if (join.kind() == JoinKind.MERGE) {
            var joined = titles.get(join.ideaId());
            long forumId = joined == null ? 0 : joined.forumId();
            told.addAll(follows.followersOfThread(join.ideaId(), forumId));
            told.removeAll(follows.mutedAmong(told, join.ideaId(), forumId));
            told.addAll(JoinEvents.authors(join));
        }
        inbox.deliver(NotificationKind.IDEAS_MERGED, List.copyOf(told), join.jamId(), "/threads/" + join.otherId(),
                params(join.proposedBy(), titles, join.ideaId(), join.otherId(), null));
    }

    @EventListener
    void on(JoinEvents.JoinUndone event) {
        var join = event.join();
        inbox.deliver(NotificationKind.JOIN_UNDONE, JoinEvents.authors(join), join.jamId(), "/joins/" + join.id(),
                params(event.undoneBy(), titles(join), join.ideaId(), join.otherId(), event.reason()));
    }

    /** {@code actor} did it; {@code title} is the idea concerned, {@code text} the other one. */
    private Map<String, String> params(long actor, Map<Long, PostText> titles, long ideaId, long otherId,
                                       String reason) {
        var params = new HashMap<String, String>();
        params.put(NotificationParams.ACTOR, actorNames.in(titles.get(ideaId), actor));
        params.put(NotificationParams.TITLE, title(titles.get(ideaId)));
        params.put(NotificationParams.TEXT, title(titles.get(otherId)));
        params.put(NotificationParams.REASON, reason == null ? "" : reason);
        return params;
    }

    private Map<Long, PostText> titles(IdeaJoin join) {
        var byId = new HashMap<Long, PostText>();
        posts.texts(List.of(join.ideaId(), join.otherId())).forEach(text -> byId.put(text.id(), text));
        return byId;
    }

    private static String title(PostText idea) {
        return Excerpts.of(idea == null ? null : idea.title(), Excerpts.TITLE);
    }
}
