package org.incrowd.review.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.PostNotes;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Place;
import org.incrowd.review.ReviewAccess;
import org.incrowd.review.ReviewStages;
import org.incrowd.review.Reviewing;
import org.incrowd.review.Stage;
import org.incrowd.review.StageOutcome;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/**
 * Under an idea on its thread page: its "what happened" timeline for everyone who reads it (a region that refreshes
 * when the idea is reviewed), and for its reviewers the form to decide on it.
 */
@Component
class ReviewNotes implements PostNotes {

    private final Reviewing reviewing;
    private final ReviewStages stages;
    private final ReviewAccess access;
    private final IdeaReviews reviews;
    private final TemplateEngine templates;

    ReviewNotes(Reviewing reviewing, ReviewStages stages, ReviewAccess access, IdeaReviews reviews,
                TemplateEngine templates) {
        this.reviews = reviews;
        this.reviewing = reviewing;
        this.stages = stages;
        this.access = access;
        this.templates = templates;
    }

    @Override
    public Map<Long, Content> notes(Place place, List<Post> posts, Actor viewer, Ui ui) {
        var notes = new HashMap<Long, Content>();
        long jamId = place.jam().id();
        for (var post : posts) {
            if (post.parentId() != null) {
                continue;
            }
            boolean reviewer = access.mayReviewIdea(viewer, jamId, post.id());
            reviewing.review(viewer, jamId, post.id()).ifPresent(review -> {
                var pipeline = stages.of(jamId);
                var timeline = Timeline.of(review, byKey(pipeline), ui);
                notes.put(post.id(), output -> {
                    templates.render("review/timeline.jte", Map.of("ui", ui, "timeline", timeline), output);
                    if (reviewer) {
                        templates.render("review/decideForm.jte", Map.of("ui", ui, "ideaId", post.id(),
                                "stages", pipeline, "stage", review.stage().key(), "reason", "",
                                "errors", FieldErrors.none()), output);
                    }
                });
            });
        }
        return notes;
    }

    /** The stage badge of each idea that has left the new stage: one query for the page's ideas. */
    @Override
    public Map<Long, Content> marks(Place place, List<Post> ideas, Actor viewer, Ui ui) {
        var stagesByKey = byKey(stages.of(place.jam().id()));
        var marks = new HashMap<Long, Content>();
        reviews.stagesOf(ideas.stream().map(Post::id).toList()).forEach((ideaId, key) -> {
            var stage = stagesByKey.get(key);
            if (stage != null && stage.outcome() != StageOutcome.NEW) {
                marks.put(ideaId, output -> templates.render("review/stageBadge.jte",
                        Map.of("ui", ui, "stage", stage), output));
            }
        });
        return marks;
    }

    static Map<String, Stage> byKey(List<Stage> stages) {
        var byKey = new HashMap<String, Stage>();
        stages.forEach(stage -> byKey.put(stage.key(), stage));
        return byKey;
    }
}
