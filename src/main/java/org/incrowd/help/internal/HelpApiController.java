package org.incrowd.help.internal;

import java.time.Instant;
import java.util.List;
import org.incrowd.help.HelpQuestion;
import org.incrowd.help.HelpQuestions;
import org.incrowd.help.HelpStreams;
import org.incrowd.help.QuestionStatus;
import org.incrowd.help.StreamPage;
import org.incrowd.identity.CurrentActor;
import org.incrowd.shared.Refusal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A help stream through the API: its questions in the stream's order, and the asker's solution; rules as on pages. */
@RestController
@RequestMapping("/api/v1/help")
class HelpApiController {

    private final HelpStreams streams;
    private final HelpQuestions questions;
    private final CurrentActor currentActor;

    HelpApiController(HelpStreams streams, HelpQuestions questions, CurrentActor currentActor) {
        this.streams = streams;
        this.questions = questions;
        this.currentActor = currentActor;
    }

    /**
     * A question as the API shows it; {@code waitedSeconds}: for its first answer, or until it got one. The asker as
     * on the question itself: no account id where the stream hides names (ADR 41).
     */
    record QuestionView(long id, long topicId, String title, Long askerId, String askerName, Instant askedAt,
                        QuestionStatus status, int answers, Instant lastAnswerAt, Long solutionId,
                        long waitedSeconds, String waiting) {

        static QuestionView of(StreamPage.Item item) {
            HelpQuestion q = item.question();
            return new QuestionView(q.questionId(), q.forumId(), item.post().title(), item.post().shownAuthorId(),
                    item.post().authorName(), q.askedAt(), q.status(), q.answers(), q.lastAnswerAt(), q.solutionId(),
                    item.waited().toSeconds(), item.waiting().name());
        }
    }

    record StreamView(long jamId, String organisationName, Long topicId, int page, boolean hasMore,
                      List<QuestionView> questions) {
    }

    record SolutionRequest(Long answerId) {
    }

    record SolutionView(long questionId, QuestionStatus status, Long solutionId, Instant solvedAt) {
    }

    @GetMapping("/{jamId}/questions")
    StreamView questions(@PathVariable long jamId, @RequestParam(required = false) Long topic,
                         @RequestParam(defaultValue = "0") int page) {
        var stream = streams.page(currentActor.currentOrGuest(), jamId, topic, page);
        return new StreamView(jamId, stream.organisationName(), topic, stream.page(), stream.hasMore(),
                stream.items().stream().map(QuestionView::of).toList());
    }

    @PostMapping("/{jamId}/questions/{questionId}/solution")
    SolutionView solution(@PathVariable long jamId, @PathVariable long questionId,
                          @RequestBody(required = false) SolutionRequest request) {
        var actor = currentActor.require();
        if (questions.require(actor, questionId).jamId() != jamId) {
            throw Refusal.notFound("help.question.notFound");
        }
        if (request == null || request.answerId() == null) {
            throw Refusal.badRequest("answerId", "help.solution.answerRequired");
        }
        var solved = questions.markSolution(actor, questionId, request.answerId());
        return new SolutionView(solved.questionId(), solved.status(), solved.solutionId(), solved.solvedAt());
    }
}
