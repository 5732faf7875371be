package org.incrowd.help;

import java.time.Clock;
import java.util.List;
import org.incrowd.discussion.Reading;
import org.incrowd.help.internal.HelpQuestionRows;
import org.incrowd.identity.Actor;
import org.incrowd.jam.JamService;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The questions of help streams: where they stand, in the order the stream shows them, and their solutions. */
@Service
public class HelpQuestions {

    private final HelpQuestionRows questions;
    private final JamService jams;
    private final Reading reading;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HelpQuestions(HelpQuestionRows questions, JamService jams, Reading reading, ApplicationEventPublisher events,
                  Clock clock) {
        this.questions = questions;
        this.jams = jams;
        this.reading = reading;
        this.events = events;
        this.clock = clock;
    }

    /** A question the actor may read (they may read its post), or a 404 refusal. */
    @Transactional(readOnly = true)
    public HelpQuestion require(Actor actor, long questionId) {
        var question = questions.find(questionId)
                .orElseThrow(() -> Refusal.notFound("help.question.notFound"));
        reading.require(actor, questionId); // refuses those who may not read the stream
        return question;
    }

    /** Whether a post is a help stream's question (its asker hears of answers as such, not as replies). */
    public boolean isQuestion(long postId) {
        return questions.find(postId).isPresent();
    }

    /**
     * A page of the stream (or of one topic when {@code forumId} is not null) for someone who may read the stream:
     * unanswered questions first, the longest waiting at the top, then answered ones by their latest answer, solved
     * ones last.
     */
    @Transactional(readOnly = true)
    public List<HelpQuestion> stream(Actor actor, long jamId, Long forumId, int limit, int offset) {
        var jam = jams.require(actor, jamId);
        if (!jam.kind().isHelpStream()) {
            throw Refusal.notFound("help.stream.notFound");
        }
        return questions.stream(jamId, forumId, limit, offset);
    }

    /**
     * The asker marks the answer that solved their question; marking another answer later moves the mark. Only the
     * asker may, and only an answer in the question's thread by someone else.
     */
    @Transactional
    public HelpQuestion markSolution(Actor actor, long questionId, long answerId) {
        var question = require(actor, questionId);
        if (question.askerId() != actor.personId()) {
            throw Refusal.forbidden("help.solution.notAsker");
        }
        var answer = reading.require(actor, answerId);
        if (answer.threadId() != questionId || answer.parentId() == null || answer.authorId() == actor.personId()) {
            throw Refusal.invalid("answerId", "help.solution.notAnAnswer");
        }
        questions.solved(questionId, answerId, clock.instant());
        events.publishEvent(new HelpEvents.SolutionMarked(questionId, answerId, question.jamId(), actor.personId(),
                answer.authorId()));
        return questions.find(questionId).orElseThrow();
    }
}
