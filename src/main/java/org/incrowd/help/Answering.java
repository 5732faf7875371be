package org.incrowd.help;

import java.util.ArrayList;
import java.util.List;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.PostDraft;
import org.incrowd.discussion.Posting;
import org.incrowd.discussion.Reading;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.jam.JamService;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answering questions under the organisation's name. Who answers is a rule of its own ({@link #mayAnswer}): the
 * stream's employees, its staff and organisers; a customer writes only in their own question (follow-ups). The rule
 * holds for every way of replying, the question page's form, the thread page and the API, because the help module
 * checks each reply posted in a help stream ({@code help.internal.AnswerRights}).
 */
@Service
public class Answering {

    private final HelpQuestions questions;
    private final HelpStreams streams;
    private final Posting posting;
    private final Reading reading;
    private final JamService jams;
    private final IdentityService identity;

    Answering(HelpQuestions questions, HelpStreams streams, Posting posting, Reading reading, JamService jams,
              IdentityService identity) {
        this.questions = questions;
        this.streams = streams;
        this.posting = posting;
        this.reading = reading;
        this.jams = jams;
        this.identity = identity;
    }

    /** Employees of the organisation, and the stream's staff and organisers, answer its questions. */
    public boolean mayAnswer(Actor actor, long jamId) {
        return !actor.isGuest() && (actor.participantType() == ParticipantType.EMPLOYEE
                || jams.isOrganiserOrStaff(actor, jamId));
    }

    /** Whether this person may write in this question at all: answer it, or follow up on their own question. */
    public boolean mayWriteIn(Actor actor, HelpQuestion question) {
        return question.askerId() == actor.personId() || mayAnswer(actor, question.jamId());
    }

    /** Answers a question (or, for its asker, adds a follow-up); refusals name the field like any post's. */
    @Transactional
    public Post answer(Actor actor, long questionId, PostDraft draft) {
        var question = questions.require(actor, questionId);
        if (!mayWriteIn(actor, question)) {
            throw Refusal.forbidden("help.answer.employeesOnly");
        }
        return posting.reply(actor, questionId, draft);
    }

    /** A question with one page of its answers and follow-ups, as its page shows it to this reader. */
    @Transactional(readOnly = true)
    public QuestionPage page(Actor actor, long questionId, int page) {
        var question = questions.require(actor, questionId);
        var stream = streams.require(actor, question.jamId());
        var thread = reading.thread(actor, questionId, page);
        var people = identity.findAll(thread.replies().stream().map(Post::authorId).distinct().toList());
        var answers = new ArrayList<QuestionPage.Answer>(thread.replies().size());
        for (var reply : thread.replies()) {
            Person author = people.get(reply.authorId());
            answers.add(new QuestionPage.Answer(reply, reply.authorId() != question.askerId(),
                    author == null ? null : author.jobRole(),
                    question.solutionId() != null && question.solutionId() == reply.id()));
        }
        var place = jams.requireForum(actor, question.forumId());
        boolean asker = question.askerId() == actor.personId();
        return new QuestionPage(stream, streams.organisationName(stream), place, question, thread.idea(),
                List.copyOf(answers), thread.page(), thread.pages(), asker,
                mayWriteIn(actor, question) && jams.mayPost(actor, place), mayAnswer(actor, stream.id()));
    }
}
