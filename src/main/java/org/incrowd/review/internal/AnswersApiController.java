package org.incrowd.review.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.incrowd.identity.CurrentActor;
import org.incrowd.review.Listening;
import org.incrowd.review.ThemeAnswer;
import org.incrowd.review.ThemeAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Theme answers, their ratings and the listening figures for programs: the same services and rules as the pages. */
@RestController
@RequestMapping("/api/v1")
class AnswersApiController {

    /** Answering a theme: {@code theme} is its key (see {@code GET /api/v1/jams/{id}/themes}). */
    record AnswerRequest(String theme, String youSaid, String weDid, String why) {
    }

    /** Changing an answer needs the reason for the change. */
    record EditRequest(String youSaid, String weDid, String why, String reason) {
    }

    /** {@code verdict}: YES, PARTLY or NO. */
    record RatingRequest(String verdict, String comment) {
    }

    private final ThemeAnswers answers;
    private final Listening listening;
    private final CurrentActor currentActor;

    AnswersApiController(ThemeAnswers answers, Listening listening, CurrentActor currentActor) {
        this.answers = answers;
        this.listening = listening;
        this.currentActor = currentActor;
    }

    @Operation(summary = "The answers to a Jam's themes, with their ratings and the caller's own")
    @GetMapping("/jams/{jamId}/answers")
    List<ThemeAnswer> list(@PathVariable long jamId) {
        return answers.of(currentActor.require(), jamId);
    }

    @Operation(summary = "Answer a whole theme (organisers): you said / we did / why")
    @PostMapping("/jams/{jamId}/answers")
    @ResponseStatus(HttpStatus.CREATED)
    ThemeAnswer answer(@PathVariable long jamId, @RequestBody AnswerRequest request) {
        return answers.answer(currentActor.require(), jamId, request.theme(),
                new ThemeAnswers.Text(request.youSaid(), request.weDid(), request.why(), null));
    }

    @Operation(summary = "Change an answer (organisers), with the reason for the change")
    @PutMapping("/answers/{answerId}")
    ThemeAnswer edit(@PathVariable long answerId, @RequestBody EditRequest request) {
        return answers.edit(currentActor.require(), answerId,
                new ThemeAnswers.Text(request.youSaid(), request.weDid(), request.why(), request.reason()));
    }

    @Operation(summary = "Rate whether an answer explains enough; a second rating replaces the first")
    @PostMapping("/answers/{answerId}/rating")
    ThemeAnswer rate(@PathVariable long answerId, @RequestBody RatingRequest request) {
        return answers.rate(currentActor.require(), answerId, request.verdict(), request.comment());
    }

    @Operation(summary = "A Jam's listening figures (organisers; everyone once they are public)")
    @GetMapping("/jams/{jamId}/listening")
    Listening.Figures listening(@PathVariable long jamId) {
        return listening.of(currentActor.require(), jamId);
    }
}
