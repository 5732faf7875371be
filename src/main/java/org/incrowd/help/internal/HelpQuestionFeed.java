package org.incrowd.help.internal;

import java.time.Clock;
import java.util.List;
import org.incrowd.discussion.DiscussionEvents;
import org.incrowd.discussion.PostFeed;
import org.incrowd.help.HelpEvents;
import org.incrowd.jam.JamService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code help_question} in step with the conversation of help streams: a root post is a question, written in
 * the transaction that posts it; a reply by anyone but the asker is an answer. Posts of other Jams are not its
 * business.
 */
@Component
class HelpQuestionFeed {

    private final HelpQuestionRows questions;
    private final JamService jams;
    private final PostFeed posts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HelpQuestionFeed(HelpQuestionRows questions, JamService jams, PostFeed posts, ApplicationEventPublisher events,
                     Clock clock) {
        this.questions = questions;
        this.jams = jams;
        this.posts = posts;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(DiscussionEvents.PostPublished event) {
        var jam = jams.findAll(List.of(event.jamId())).get(event.jamId());
        if (jam == null || !jam.kind().isHelpStream()) {
            return;
        }
        if (event.parentId() == null) {
            var text = posts.texts(List.of(event.postId()));
            var askedAt = text.isEmpty() ? clock.instant() : text.getFirst().createdAt();
            questions.add(event.postId(), event.jamId(), event.forumId(), event.authorId(), askedAt);
            events.publishEvent(new HelpEvents.QuestionAsked(event.postId(), event.jamId(), event.forumId(),
                    event.authorId()));
            return;
        }
        questions.find(event.threadId()).ifPresent(question -> {
            if (question.askerId() != event.authorId()) {
                questions.answered(question.questionId(), clock.instant());
                events.publishEvent(new HelpEvents.QuestionAnswered(question.questionId(), event.postId(),
                        event.jamId(), event.forumId(), question.askerId(), event.authorId(),
                        question.firstAnswerAt() == null));
            }
        });
    }

    @EventListener
    void on(DiscussionEvents.ThreadMoved event) {
        questions.moveThread(event.threadId(), event.toForumId());
    }
}
