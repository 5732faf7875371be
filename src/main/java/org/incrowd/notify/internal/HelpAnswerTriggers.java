package org.incrowd.notify.internal;

import java.util.List;
import java.util.Map;
import org.incrowd.discussion.PostFeed;
import org.incrowd.help.AnswerLinks;
import org.incrowd.help.HelpEvents;
import org.incrowd.help.HelpStreams;
import org.incrowd.jam.JamService;
import org.incrowd.notify.NotificationKind;
import org.incrowd.notify.NotificationParams;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The asker of a help stream's question hears of each answer, with the answer's start and the organisation it came
 * from, in the bell and (by default at once) by mail. Customers who asked without an account have no password: their
 * link signs them in once ({@link AnswerLinks}). Runs in the answer's transaction: a refused answer tells nobody.
 */
@Component
class HelpAnswerTriggers {

    private final Inbox inbox;
    private final PostFeed posts;
    private final ActorNames actorNames;
    private final JamService jams;
    private final HelpStreams streams;
    private final AnswerLinks links;

    HelpAnswerTriggers(Inbox inbox, PostFeed posts, ActorNames actorNames, JamService jams, HelpStreams streams,
                       AnswerLinks links) {
        this.inbox = inbox;
        this.posts = posts;
        this.actorNames = actorNames;
        this.jams = jams;
        this.streams = streams;
        this.links = links;
    }

    @EventListener
    void on(HelpEvents.QuestionAnswered event) {
        var texts = posts.texts(List.of(event.questionId(), event.answerId()));
        String title = texts.stream().filter(t -> t.id() == event.questionId()).findFirst().map(t -> t.title())
                .orElse("");
        String answer = texts.stream().filter(t -> t.id() == event.answerId()).findFirst().map(t -> t.body())
                .orElse("");
        var stream = jams.findAll(List.of(event.jamId())).get(event.jamId());
        String answerer = actorNames.in(texts.stream().filter(t -> t.id() == event.answerId()).findFirst().orElse(null),
                event.answererId());
        inbox.deliverEach(NotificationKind.HELP_ANSWERED, event.jamId(), List.of(new Inbox.Personal(event.askerId(),
                links.linkToQuestion(event.askerId(), event.questionId()), Map.of(
                        NotificationParams.ACTOR, answerer,
                        NotificationParams.TITLE, Excerpts.of(title, Excerpts.TITLE),
                        NotificationParams.JAM, stream == null ? "" : streams.organisationName(stream),
                        NotificationParams.TEXT, Excerpts.of(answer, Excerpts.TEXT)))));
    }
}
