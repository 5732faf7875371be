package org.incrowd.review.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.identity.CurrentActor;
import org.incrowd.review.Criterion;
import org.incrowd.review.IdeaScores;
import org.incrowd.review.QueueFilter;
import org.incrowd.review.QueuePage;
import org.incrowd.review.ReviewAccess;
import org.incrowd.review.ReviewQueue;
import org.incrowd.review.Reviewers;
import org.incrowd.review.Reviewing;
import org.incrowd.review.SavedViews;
import org.incrowd.review.Scoring;
import org.incrowd.shared.Refusal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review queue, scorecards, scores, reviewers and saved views for programs, with the pages' authorisation;
 * every write is recorded in the ledger by the service it calls.
 */
@RestController
@RequestMapping("/api/v1/jams/{jamId}/review")
class QueueApiController {

    record QueueView(long total, int page, int pageSize, List<QueuePage.Row> ideas) {
    }

    record ScorecardView(List<Criterion> criteria) {
    }

    /** A criterion as sent: its name and weight in percent (positions follow the order). */
    record CriterionBody(String name, Integer weight) {
    }

    record ScorecardBody(List<CriterionBody> criteria) {
    }

    record ScoresBody(Map<Integer, Integer> scores) {
    }

    /** One reviewer's assignments: forum ids, theme keys and idea ids. */
    record ReviewerBody(String email, List<Long> forums, List<String> themes, List<Long> ideas) {
    }

    record ReviewersBody(List<ReviewerBody> reviewers, Instant dueAt) {
    }

    record ViewBody(String name, String query, Boolean shared) {
    }

    record ViewView(long id, String name, String query, boolean shared) {
    }

    record BulkBody(List<Long> ideas, String stage, String reason) {
    }

    private final ReviewQueue queue;
    private final Scoring scoring;
    private final Reviewers reviewers;
    private final SavedViews views;
    private final Reviewing reviewing;
    private final ReviewAccess access;
    private final CurrentActor currentActor;

    QueueApiController(ReviewQueue queue, Scoring scoring, Reviewers reviewers, SavedViews views,
                       Reviewing reviewing, ReviewAccess access, CurrentActor currentActor) {
        this.queue = queue;
        this.scoring = scoring;
        this.reviewers = reviewers;
        this.views = views;
        this.reviewing = reviewing;
        this.access = access;
        this.currentActor = currentActor;
    }

    @Operation(summary = "The review queue: filters stage, forum, theme, type, minScore, maxScore, waitingDays,"
            + " overdue, mine; sort waiting|score|newest|due; page from 0")
    @GetMapping("/queue")
    QueueView queue(@PathVariable long jamId, @RequestParam Map<String, String> params,
                    @RequestParam(defaultValue = "0") int page) {
        var result = queue.page(currentActor.require(), jamId, QueueFilter.of(params), page);
        return new QueueView(result.total(), result.page(), result.pageSize(), result.rows());
    }

    @Operation(summary = "The Jam's scorecard: weighted criteria")
    @GetMapping("/scorecard")
    ScorecardView scorecard(@PathVariable long jamId) {
        access.requireReviewer(currentActor.require(), jamId);
        return new ScorecardView(scoring.criteria(jamId));
    }

    @Operation(summary = "Replaces the Jam's scorecard; the weights must add up to 100")
    @PutMapping("/scorecard")
    ScorecardView defineScorecard(@PathVariable long jamId, @RequestBody ScorecardBody body) {
        var criteria = nonNull(body.criteria());
        return new ScorecardView(scoring.define(currentActor.require(), jamId,
                criteria.stream().map(c -> c.name() == null ? "" : c.name()).toList(),
                criteria.stream().map(c -> c.weight() == null ? "" : String.valueOf(c.weight())).toList()));
    }

    @Operation(summary = "Every reviewer's scores of an idea, with the weighted mean and spread")
    @GetMapping("/scores/{ideaId}")
    IdeaScores scores(@PathVariable long jamId, @PathVariable long ideaId) {
        return scoring.scores(currentActor.require(), jamId, ideaId);
    }

    @Operation(summary = "Scores an idea: one score from 1 to 5 per criterion position")
    @PostMapping("/scores/{ideaId}")
    IdeaScores score(@PathVariable long jamId, @PathVariable long ideaId, @RequestBody ScoresBody body) {
        if (body.scores() == null) {
            throw Refusal.badRequest("scores", "review.score.range", Scoring.LOWEST, Scoring.HIGHEST);
        }
        return scoring.score(currentActor.require(), jamId, ideaId, body.scores());
    }

    @Operation(summary = "The Jam's reviewer assignments")
    @GetMapping("/reviewers")
    List<Reviewers.Assigned> reviewers(@PathVariable long jamId) {
        return reviewers.of(currentActor.require(), jamId);
    }

    @Operation(summary = "Replaces the Jam's reviewer assignments")
    @PutMapping("/reviewers")
    List<Reviewers.Assigned> replaceReviewers(@PathVariable long jamId, @RequestBody ReviewersBody body) {
        var actor = currentActor.require();
        var byEmail = new LinkedHashMap<String, List<Reviewers.Target>>();
        for (var reviewer : body.reviewers() == null ? List.<ReviewerBody>of() : body.reviewers()) {
            var targets = new ArrayList<Reviewers.Target>();
            nonNull(reviewer.forums()).forEach(id -> targets.add(Reviewers.Target.forum(id)));
            nonNull(reviewer.themes()).forEach(key -> targets.add(Reviewers.Target.theme(key)));
            nonNull(reviewer.ideas()).forEach(id -> targets.add(Reviewers.Target.idea(id)));
            byEmail.put(reviewer.email(), targets);
        }
        reviewers.replace(actor, jamId, byEmail, body.dueAt());
        return reviewers.of(actor, jamId);
    }

    @Operation(summary = "Moves many ideas to a stage with one reason (organisers, or reviewers on their ideas)")
    @PostMapping("/bulk")
    Reviewing.Decision bulk(@PathVariable long jamId, @RequestBody BulkBody body) {
        return reviewing.decide(currentActor.require(), jamId, nonNull(body.ideas()), body.stage(), body.reason());
    }

    @Operation(summary = "The caller's saved views of the queue and the Jam's shared ones")
    @GetMapping("/views")
    List<ViewView> views(@PathVariable long jamId) {
        return views.of(currentActor.require(), jamId).stream()
                .map(v -> new ViewView(v.id(), v.name(), v.filter().query(), v.shared())).toList();
    }

    @Operation(summary = "Saves a view: a name and the queue's query string")
    @PostMapping("/views")
    ViewView saveView(@PathVariable long jamId, @RequestBody ViewBody body) {
        var saved = views.save(currentActor.require(), jamId, body.name(),
                QueueFilter.ofQuery(body.query() == null ? "" : body.query()), Boolean.TRUE.equals(body.shared()));
        return new ViewView(saved.id(), saved.name(), saved.filter().query(), saved.shared());
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
