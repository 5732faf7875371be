package org.incrowd.notify.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.DiscussionEvents;
import org.incrowd.discussion.PostFeed;
import org.incrowd.discussion.PostText;
import org.incrowd.notify.NotificationKind;
import org.incrowd.notify.NotificationParams;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who hears of authorship, in the transaction of the act: the colleague who entered an idea for someone, when that
 * person claims it (not the claimant: they did it); the builder whose build-on was adopted into an idea; an idea's
 * author when someone joins its team. Nobody is told of their own act.
 */
@Component
class AuthorshipTriggers {

    private final Inbox inbox;
    private final PostFeed posts;
    private final ActorNames actorNames;

    AuthorshipTriggers(Inbox inbox, PostFeed posts, ActorNames actorNames) {
        this.inbox = inbox;
        this.posts = posts;
        this.actorNames = actorNames;
    }

    @EventListener
    void on(DiscussionEvents.ProxyIdeaClaimed event) {
        tell(NotificationKind.PROXY_IDEA_CLAIMED, event.enteredById(), event.claimantId(), event.jamId(),
                event.ideaId(), event.ideaId());
    }

    @EventListener
    void on(DiscussionEvents.BuildOnAdopted event) {
        tell(NotificationKind.BUILD_ON_ADOPTED, event.builderId(), event.adopterId(), event.jamId(), event.ideaId(),
                event.buildOnId());
    }

    @EventListener
    void on(DiscussionEvents.TeamJoined event) {
        var idea = text(event.ideaId());
        if (idea != null) {
            tell(NotificationKind.TEAM_JOINED, idea.authorId(), event.personId(), event.jamId(), event.ideaId(),
                    event.ideaId());
        }
    }

    private void tell(NotificationKind kind, long recipient, long actor, long jamId, long ideaId, long postId) {
        if (recipient == actor) {
            return;
        }
        var idea = text(ideaId);
        var params = new HashMap<String, String>();
        params.put(NotificationParams.ACTOR, actorNames.in(idea, actor));
        params.put(NotificationParams.TITLE, Excerpts.of(idea == null ? null : idea.title(), Excerpts.TITLE));
        inbox.deliver(kind, List.of(recipient), jamId, "/posts/" + postId, Map.copyOf(params));
    }

    private PostText text(long postId) {
        var texts = posts.texts(List.of(postId));
        return texts.isEmpty() ? null : texts.getFirst();
    }
}
