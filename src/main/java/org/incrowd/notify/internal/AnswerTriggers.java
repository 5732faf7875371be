package org.incrowd.notify.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.PostFeed;
import org.incrowd.discussion.PostText;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Person;
import org.incrowd.jam.JamService;
import org.incrowd.notify.NotificationKind;
import org.incrowd.notify.NotificationParams;
import org.incrowd.review.ThemeAnswers;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who is told of an answer to a theme: the authors of the theme's posts (each once, however many posts they wrote in
 * it), in the app and by mail, with what was done. The organiser who answered is not told of their own answer. Runs in
 * the answer's transaction, a thousand posts at a time.
 */
@Component
class AnswerTriggers {

    private static final int CHUNK = 1000;

    private final Inbox inbox;
    private final PostFeed posts;
    private final IdentityService identity;
    private final JamService jams;

    AnswerTriggers(Inbox inbox, PostFeed posts, IdentityService identity, JamService jams) {
        this.inbox = inbox;
        this.posts = posts;
        this.identity = identity;
        this.jams = jams;
    }

    @EventListener
    void on(ThemeAnswers.ThemeAnswered event) {
        var authors = new LinkedHashSet<Long>();
        var ids = event.postIds();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            posts.texts(ids.subList(from, Math.min(ids.size(), from + CHUNK))).stream().map(PostText::authorId)
                    .forEach(authors::add);
        }
        authors.remove(event.answeredBy());
        if (authors.isEmpty()) {
            return;
        }
        var jam = jams.findAll(List.of(event.jamId())).get(event.jamId());
        inbox.deliver(NotificationKind.THEME_ANSWERED, List.copyOf(authors), event.jamId(),
                "/jams/" + event.jamId() + "/review/answers#answer-" + event.answerId(), Map.of(
                        NotificationParams.ACTOR, identity.find(event.answeredBy()).map(Person::displayName).orElse(""),
                        NotificationParams.TITLE, Excerpts.of(event.themeLabel(), Excerpts.TITLE),
                        NotificationParams.JAM, jam == null ? "" : jam.title(),
                        NotificationParams.TEXT, Excerpts.of(event.weDid(), Excerpts.TEXT)));
    }
}
