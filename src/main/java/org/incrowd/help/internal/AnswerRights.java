package org.incrowd.help.internal;

import org.incrowd.discussion.DiscussionEvents;
import org.incrowd.help.Answering;
import org.incrowd.identity.IdentityService;
import org.incrowd.shared.Refusal;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Holds {@link Answering#mayWriteIn} for replies however they are posted (the thread page, the API): a reply in a
 * help stream's question by someone who may not write there is refused in the transaction that posts it, which then
 * rolls back, so nothing of it is kept or told.
 */
@Component
class AnswerRights {

    private final HelpQuestionRows questions;
    private final Answering answering;
    private final IdentityService identity;

    AnswerRights(HelpQuestionRows questions, Answering answering, IdentityService identity) {
        this.questions = questions;
        this.answering = answering;
        this.identity = identity;
    }

    @EventListener
    void on(DiscussionEvents.PostPublished event) {
        if (event.parentId() == null) {
            return;
        }
        questions.find(event.threadId()).ifPresent(question -> {
            var author = identity.require(event.authorId()).asActor();
            if (!answering.mayWriteIn(author, question)) {
                throw Refusal.forbidden("help.answer.employeesOnly");
            }
        });
    }
}
