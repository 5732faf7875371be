package org.incrowd.review.internal;

import java.time.Instant;
import java.util.List;
import org.incrowd.discussion.Reading;
import org.incrowd.identity.CurrentActor;
import org.incrowd.review.ReviewAccess;
import org.incrowd.review.ReviewStages;
import org.incrowd.review.Reviewing;
import org.incrowd.review.Stage;
import org.incrowd.shared.Refusal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Stages, decisions and an idea's review through the API; the same services and rules as the pages. */
@RestController
@RequestMapping("/api/v1")
class ReviewApiController {

    record StagesRequest(List<ReviewStages.StageDraft> stages) {
    }

    record DecisionRequest(List<Long> ideas, String stage, String reason) {
    }

    record DecisionResponse(Stage stage, int ideas) {
    }

    /** One line of "what happened": who did what (an action name of the ledger), when and why. */
    record TimelineEntry(String action, String stage, String reason, String actor, Instant at) {
    }

    record IdeaReviewResponse(long idea, Stage stage, String reason, List<TimelineEntry> timeline) {
    }

    private final ReviewStages stages;
    private final Reviewing reviewing;
    private final ReviewAccess access;
    private final Reading reading;
    private final CurrentActor currentActor;

    ReviewApiController(ReviewStages stages, Reviewing reviewing, ReviewAccess access, Reading reading,
                        CurrentActor currentActor) {
        this.stages = stages;
        this.reviewing = reviewing;
        this.access = access;
        this.reading = reading;
        this.currentActor = currentActor;
    }

    @GetMapping("/jams/{jamId}/review/stages")
    List<Stage> stages(@PathVariable long jamId) {
        access.requireReviewer(currentActor.require(), jamId);
        return stages.of(jamId);
    }

    @PutMapping("/jams/{jamId}/review/stages")
    List<Stage> configure(@PathVariable long jamId, @RequestBody StagesRequest request) {
        return stages.configure(currentActor.require(), jamId,
                request.stages() == null ? List.of() : request.stages());
    }

    @PostMapping("/jams/{jamId}/review/decisions")
    DecisionResponse decide(@PathVariable long jamId, @RequestBody DecisionRequest request) {
        var decision = reviewing.decide(currentActor.require(), jamId,
                request.ideas() == null ? List.of() : request.ideas(), request.stage(), request.reason());
        return new DecisionResponse(decision.stage(), decision.ideas());
    }

    /** Participants get the public entries; reviewers every entry. */
    @GetMapping("/ideas/{ideaId}/review")
    IdeaReviewResponse review(@PathVariable long ideaId) {
        var actor = currentActor.require();
        var idea = reading.require(actor, ideaId);
        var review = reviewing.review(actor, idea.jamId(), ideaId)
                .orElseThrow(() -> Refusal.notFound("review.notAnIdea"));
        return new IdeaReviewResponse(ideaId, review.stage(), review.reason(), review.timeline().stream()
                .map(entry -> new TimelineEntry(entry.action(), entry.stageKey(), entry.reason(), entry.actorName(),
                        entry.at())).toList());
    }
}
