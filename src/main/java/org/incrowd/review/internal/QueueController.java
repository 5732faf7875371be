package org.incrowd.review.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incrowd.discussion.IdeaTeams;
import org.incrowd.discussion.PostFeed;
import org.incrowd.identity.Actor;
import org.incrowd.identity.CurrentActor;
import org.incrowd.insight.JamThemes;
import org.incrowd.jam.JamService;
import org.incrowd.review.QueueFilter;
import org.incrowd.review.QueuePage;
import org.incrowd.review.ReviewAccess;
import org.incrowd.review.ReviewQueue;
import org.incrowd.review.ReviewStages;
import org.incrowd.review.Reviewers;
import org.incrowd.review.Reviewing;
import org.incrowd.review.SavedViews;
import org.incrowd.review.Scoring;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The review queue and its bulk actions, the scorecard, each idea's scores, and the reviewers page. A refused form
 * is shown again with its message and everything typed (the selection too), with status 422.
 */
@Controller
class QueueController {

    private final ReviewQueue queue;
    private final ReviewAccess access;
    private final ReviewStages stages;
    private final Reviewing reviewing;
    private final Reviewers reviewers;
    private final SavedViews views;
    private final Scoring scoring;
    private final JamService jams;
    private final JamThemes themes;
    private final PostFeed posts;
    private final IdeaTeams teams;
    private final CurrentActor currentActor;
    private final Clock clock;

    QueueController(ReviewQueue queue, ReviewAccess access, ReviewStages stages, Reviewing reviewing,
                    Reviewers reviewers, SavedViews views, Scoring scoring, JamService jams, JamThemes themes,
                    PostFeed posts, IdeaTeams teams, CurrentActor currentActor, Clock clock) {
        this.teams = teams;
        this.queue = queue;
        this.access = access;
        this.stages = stages;
        this.reviewing = reviewing;
        this.reviewers = reviewers;
        this.views = views;
        this.scoring = scoring;
        this.jams = jams;
        this.themes = themes;
        this.posts = posts;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    // ---- the queue ------------------------------------------------------------------------------------------------

    @GetMapping("/jams/{jamId}/review")
    String queue(@PathVariable long jamId, @RequestParam Map<String, String> params,
                 @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Long view,
                 @RequestParam(required = false) String done, @RequestParam(required = false) Integer count,
                 Model model) {
        var actor = currentActor.require();
        var filter = view == null ? QueueFilter.of(params) : views.require(actor, jamId, view).filter();
        String notice = done == null ? null : switch (done) {
            case "moved" -> "review.bulk.moved";
            case "assigned" -> "review.bulk.assigned";
            case "saved" -> "review.view.saved";
            default -> null;
        };
        return screen(model, actor, jamId, filter, page, Set.of(), false, "", "", "", FieldErrors.none(),
                notice, count);
    }

    /**
     * Moves the selected ideas (or all matching the filters) to a stage with one reason, through
     * {@link Reviewing#decide}, or assigns them to a reviewer.
     */
    @PostMapping("/jams/{jamId}/review/bulk")
    String bulk(@PathVariable long jamId, @RequestParam Map<String, String> params,
                @RequestParam(required = false) List<Long> ids, @RequestParam(defaultValue = "false") boolean all,
                @RequestParam(defaultValue = "move") String action, @RequestParam(defaultValue = "") String toStage,
                @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String reviewer,
                Model model, HttpServletResponse response) {
        var actor = currentActor.require();
        var filter = QueueFilter.of(params);
        var chosen = new LinkedHashSet<Long>(ids == null ? List.of() : ids);
        try {
            List<Long> targets = all ? queue.allIds(actor, jamId, filter) : List.copyOf(chosen);
            int moved;
            if ("assign".equals(action)) {
                access.requireOrganiser(actor, jamId);
                if (targets.isEmpty()) {
                    throw Refusal.invalid("ideas", "review.noIdeas");
                }
                reviewers.assign(actor, jamId, reviewer, targets.stream().map(Reviewers.Target::idea).toList(),
                        null);
                moved = targets.size();
            } else {
                moved = reviewing.decide(actor, jamId, targets, toStage, reason).ideas();
            }
            String query = filter.query();
            return "redirect:/jams/" + jamId + "/review?" + (query.isEmpty() ? "" : query + "&") + "done="
                    + ("assign".equals(action) ? "assigned" : "moved") + "&count=" + moved;
        } catch (Refusal refusal) {
            if (refusal.errors().isEmpty()) {
                throw refusal;
            }
            response.setStatus(422);
            var errors = refusal.errors();
            return screen(model, actor, jamId, filter, 0, chosen, all, toStage, reason, reviewer, errors, null, null);
        }
    }

    @PostMapping("/jams/{jamId}/review/views")
    String saveView(@PathVariable long jamId, @RequestParam Map<String, String> params,
                    @RequestParam(defaultValue = "") String viewName,
                    @RequestParam(defaultValue = "false") boolean shared, Model model,
                    HttpServletResponse response) {
        var actor = currentActor.require();
        var filter = QueueFilter.of(params);
        try {
            var saved = views.save(actor, jamId, viewName, filter, shared);
            return "redirect:/jams/" + jamId + "/review?view=" + saved.id() + "&done=saved";
        } catch (Refusal refusal) {
            if (refusal.errors().isEmpty()) {
                throw refusal;
            }
            response.setStatus(422);
            return screen(model, actor, jamId, filter, 0, Set.of(), false, "", "", "", refusal.errors(), null,
                    null);
        }
    }

    private String screen(Model model, Actor actor, long jamId, QueueFilter filter, int page, Set<Long> selected,
                          boolean all, String stage, String reason, String reviewer, FieldErrors errors,
                          String notice, Integer count) {
        var jam = access.requireReviewer(actor, jamId);
        var rows = queue.page(actor, jamId, filter, page);
        // The review sees who develops each idea with its author.
        model.addAttribute("teams", teams.members(rows.rows().stream().map(QueuePage.Row::ideaId).toList()));
        model.addAttribute("page", new QueueScreen(jam, access.isOrganiser(actor), filter,
                rows, stages.of(jamId), jams.forums(actor, jamId),
                themes.of(jamId), views.of(actor, jamId), selected, all, stage, reason, reviewer, errors, notice,
                clock.instant()));
        model.addAttribute("count", count == null ? 0 : count);
        return "review/queue";
    }

    // ---- scores ---------------------------------------------------------------------------------------------------

    @GetMapping("/jams/{jamId}/review/scores/{ideaId}")
    String scores(@PathVariable long jamId, @PathVariable long ideaId, @RequestParam(required = false) String done,
                  Model model) {
        return scoresScreen(model, jamId, ideaId, Map.of(), FieldErrors.none(), done != null);
    }

    @PostMapping("/jams/{jamId}/review/scores/{ideaId}")
    String score(@PathVariable long jamId, @PathVariable long ideaId, @RequestParam Map<String, String> params,
                 Model model, HttpServletResponse response) {
        var actor = currentActor.require();
        var typed = new LinkedHashMap<Integer, String>();
        var scores = new LinkedHashMap<Integer, Integer>();
        for (var criterion : scoring.criteria(jamId)) {
            String value = params.getOrDefault("score" + criterion.position(), "").strip();
            typed.put(criterion.position(), value);
            try {
                scores.put(criterion.position(), Integer.valueOf(value));
            } catch (NumberFormatException e) {
                // left out: refused as out of range below, with the typed value kept
            }
        }
        try {
            scoring.score(actor, jamId, ideaId, scores);
            return "redirect:/jams/" + jamId + "/review/scores/" + ideaId + "?done";
        } catch (Refusal refusal) {
            if (refusal.errors().isEmpty()) {
                throw refusal;
            }
            response.setStatus(422);
            return scoresScreen(model, jamId, ideaId, typed, refusal.errors(), false);
        }
    }

    private String scoresScreen(Model model, long jamId, long ideaId, Map<Integer, String> typed,
                                FieldErrors errors, boolean saved) {
        var actor = currentActor.require();
        var scores = scoring.scores(actor, jamId, ideaId);
        var jam = access.requireReviewer(actor, jamId);
        var own = new LinkedHashMap<Integer, String>(typed);
        if (typed.isEmpty()) {
            scores.reviewers().stream().filter(r -> r.reviewerId() == actor.personId()).findFirst()
                    .ifPresent(r -> r.scores().forEach((position, value) -> own.put(position, value.toString())));
        }
        var text = posts.texts(List.of(ideaId));
        model.addAttribute("page", new ScoresScreen(jam, ideaId, text.isEmpty() ? "" : text.getFirst().title(),
                scores, own, errors, saved));
        return "review/scorecardIdea";
    }

    // ---- the scorecard --------------------------------------------------------------------------------------------

    @GetMapping("/jams/{jamId}/review/scorecard")
    String scorecard(@PathVariable long jamId, @RequestParam(required = false) String done, Model model) {
        var actor = currentActor.require();
        var jam = access.requireOrganiser(actor, jamId);
        var criteria = scoring.criteria(jamId);
        model.addAttribute("page", new ScorecardScreen(jam, criteria.stream().map(c -> c.name()).toList(),
                criteria.stream().map(c -> String.valueOf(c.weight())).toList(), FieldErrors.none(), done != null));
        return "review/scorecard";
    }

    @PostMapping("/jams/{jamId}/review/scorecard")
    String defineScorecard(@PathVariable long jamId, @RequestParam(required = false) List<String> name,
                           @RequestParam(required = false) List<String> weight, Model model,
                           HttpServletResponse response) {
        var actor = currentActor.require();
        var names = name == null ? List.<String>of() : name;
        var weights = weight == null ? List.<String>of() : weight;
        try {
            scoring.define(actor, jamId, names, weights);
            return "redirect:/jams/" + jamId + "/review/scorecard?done";
        } catch (Refusal refusal) {
            if (refusal.errors().isEmpty()) {
                throw refusal;
            }
            response.setStatus(422);
            model.addAttribute("page", new ScorecardScreen(access.requireOrganiser(actor, jamId), names, weights,
                    refusal.errors(), false));
            return "review/scorecard";
        }
    }

    // ---- reviewers ------------------------------------------------------------------------------------------------

    @GetMapping("/jams/{jamId}/review/reviewers")
    String reviewers(@PathVariable long jamId, @RequestParam(required = false) String done, Model model) {
        return reviewersScreen(model, jamId, "", "forum", "", "", FieldErrors.none(),
                done == null ? null : "removed".equals(done) ? "review.reviewers.removed" : "review.reviewers.added");
    }

    @PostMapping("/jams/{jamId}/review/reviewers")
    String assign(@PathVariable long jamId, @RequestParam(defaultValue = "") String reviewer,
                  @RequestParam(defaultValue = "forum") String kind, @RequestParam(defaultValue = "") String target,
                  @RequestParam(defaultValue = "") String due, Model model, HttpServletResponse response) {
        var actor = currentActor.require();
        try {
            reviewers.assign(actor, jamId, reviewer, targets(kind, target), dueAt(due));
            return "redirect:/jams/" + jamId + "/review/reviewers?done=added";
        } catch (Refusal refusal) {
            if (refusal.errors().isEmpty()) {
                throw refusal;
            }
            response.setStatus(422);
            var errors = refusal.errors();
            return reviewersScreen(model, jamId, reviewer, kind, target, due, errors, null);
        }
    }

    @PostMapping("/jams/{jamId}/review/reviewers/{assignmentId}/remove")
    String unassign(@PathVariable long jamId, @PathVariable long assignmentId) {
        reviewers.remove(currentActor.require(), jamId, assignmentId);
        return "redirect:/jams/" + jamId + "/review/reviewers?done=removed";
    }

    private String reviewersScreen(Model model, long jamId, String reviewer, String kind, String target, String due,
                                   FieldErrors errors, String notice) {
        var actor = currentActor.require();
        var jam = access.requireOrganiser(actor, jamId);
        model.addAttribute("page", new ReviewersScreen(jam, reviewers.of(actor, jamId), jams.forums(actor, jamId),
                themes.of(jamId), reviewer, kind, target, due, errors, notice));
        return "review/reviewers";
    }

    /** The form's target: a forum id, a theme key, or idea ids separated by commas or spaces. */
    static List<Reviewers.Target> targets(String kind, String target) {
        var found = new ArrayList<Reviewers.Target>();
        try {
            switch (kind) {
                case "forum" -> {
                    if (!target.isBlank()) {
                        found.add(Reviewers.Target.forum(Long.parseLong(target.strip())));
                    }
                }
                case "theme" -> {
                    if (!target.isBlank()) {
                        found.add(Reviewers.Target.theme(target.strip()));
                    }
                }
                default -> {
                    for (String id : target.split("[,\\s]+")) {
                        if (!id.isBlank()) {
                            found.add(Reviewers.Target.idea(Long.parseLong(id)));
                        }
                    }
                }
            }
        } catch (NumberFormatException e) {
            throw Refusal.invalid("target", "review.reviewers.badTarget");
        }
        return found;
    }

    /** A due date typed as a day: due at the end of that day (UTC). */
    static Instant dueAt(String due) {
        if (due == null || due.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(due.strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
        } catch (java.time.format.DateTimeParseException e) {
            throw Refusal.invalid("due", "review.reviewers.badDue");
        }
    }
}
