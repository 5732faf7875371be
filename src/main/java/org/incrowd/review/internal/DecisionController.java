package org.incrowd.review.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.IdeaTeams;
import org.incrowd.discussion.Reading;
import org.incrowd.identity.CurrentActor;
import org.incrowd.review.ReviewAccess;
import org.incrowd.review.ReviewStages;
import org.incrowd.review.Reviewing;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A reviewer's decision on one idea. The form sits under the idea on its thread page; a refused decision comes back
 * on a page of its own with the message, the chosen stage and the reason as typed.
 */
@Controller
class DecisionController {

    private final Reviewing reviewing;
    private final ReviewStages stages;
    private final ReviewAccess access;
    private final Reading reading;
    private final IdeaTeams teams;
    private final CurrentActor currentActor;

    DecisionController(Reviewing reviewing, ReviewStages stages, ReviewAccess access, Reading reading,
                       IdeaTeams teams, CurrentActor currentActor) {
        this.teams = teams;
        this.reviewing = reviewing;
        this.stages = stages;
        this.access = access;
        this.reading = reading;
        this.currentActor = currentActor;
    }

    @GetMapping("/ideas/{ideaId}/decision")
    String form(@PathVariable long ideaId, Model model) {
        var idea = idea(ideaId);
        access.requireReviewerOf(currentActor.require(), idea.jamId(), java.util.List.of(ideaId));
        String stage = reviewing.review(currentActor.require(), idea.jamId(), ideaId)
                .map(review -> review.stage().key()).orElse("");
        return page(idea, stage, "", FieldErrors.none(), model);
    }

    @PostMapping("/ideas/{ideaId}/decision")
    String decide(@PathVariable long ideaId, @RequestParam(defaultValue = "") String stage,
                  @RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response) {
        var idea = idea(ideaId);
        try {
            reviewing.decide(currentActor.require(), idea.jamId(), List.of(ideaId), stage, reason);
            return "redirect:/threads/" + ideaId + "#review-" + ideaId;
        } catch (Refusal refusal) {
            if (refusal.status() != HttpStatus.UNPROCESSABLE_CONTENT) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            return page(idea, stage, reason, refusal.errors().isEmpty() ? FieldErrors.none().add(refusal)
                    : refusal.errors(), model);
        }
    }

    /** The idea as the actor may read it; a reply is no idea (404 like an unknown post). */
    private Post idea(long ideaId) {
        var post = reading.require(currentActor.require(), ideaId);
        if (post.parentId() != null) {
            throw Refusal.notFound("review.notAnIdea");
        }
        return post;
    }

    private String page(Post idea, String stage, String reason, FieldErrors errors, Model model) {
        model.addAttribute("idea", idea);
        model.addAttribute("team", teams.members(idea.id()));
        model.addAttribute("stages", stages.of(idea.jamId()));
        model.addAttribute("stage", stage);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "review/decide";
    }
}
