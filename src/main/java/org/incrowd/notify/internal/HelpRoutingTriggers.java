package org.incrowd.notify.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.PostFeed;
import org.incrowd.discussion.PostText;
import org.incrowd.help.HelpEvents;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Person;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.incrowd.notify.NotificationKind;
import org.incrowd.notify.NotificationParams;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The expert a question was routed to is told, and so is the colleague a question was handed to, with the note
 * (bell and mail as they chose). The asker is not told: the note is for answerers.
 */
@Component
class HelpRoutingTriggers {

    private final Inbox inbox;
    private final PostFeed posts;
    private final JamService jams;
    private final IdentityService identity;

    HelpRoutingTriggers(Inbox inbox, PostFeed posts, JamService jams, IdentityService identity) {
        this.inbox = inbox;
        this.posts = posts;
        this.jams = jams;
        this.identity = identity;
    }

    @EventListener
    void on(HelpEvents.QuestionAssigned event) {
        var params = new HashMap<String, String>();
        params.put(NotificationParams.TITLE, posts.texts(List.of(event.questionId())).stream().findFirst()
                .map(PostText::title).orElse(""));
        params.put(NotificationParams.JAM, jams.findAll(List.of(event.jamId())).values().stream().findFirst()
                .map(Jam::title).orElse(""));
        var kind = NotificationKind.QUESTION_ROUTED;
        if (event.fromId() != null) {
            kind = NotificationKind.QUESTION_HANDED_OVER;
            params.put(NotificationParams.ACTOR, identity.find(event.fromId()).map(Person::displayName).orElse(""));
            params.put(NotificationParams.TEXT, event.note() == null ? "" : event.note());
        }
        inbox.deliver(kind, List.of(event.toId()), event.jamId(), "/threads/" + event.questionId(),
                Map.copyOf(params));
    }
}
