package org.incrowd.review;

import org.incrowd.identity.Actor;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Component;

/** Who may review a Jam's ideas: its organisers (and the reviewers they assign, see the queue). */
@Component
public class ReviewAccess {

    private final JamService jams;

    ReviewAccess(JamService jams) {
        this.jams = jams;
    }

    /** The Jam, if the actor may decide on its ideas; 404 where they cannot see it, 403 where they may not review. */
    public Jam requireReviewer(Actor actor, long jamId) {
        var jam = jams.require(actor, jamId);
        if (!mayReview(actor, jamId)) {
            throw Refusal.forbidden("review.reviewersOnly");
        }
        return jam;
    }

    /** The Jam, if the actor organises it (configuring the pipeline is theirs, not every reviewer's). */
    public Jam requireOrganiser(Actor actor, long jamId) {
        var jam = jams.require(actor, jamId);
        if (actor.isGuest() || !actor.canOrganise()) {
            throw Refusal.forbidden("review.organisersOnly");
        }
        return jam;
    }

    public boolean mayReview(Actor actor, long jamId) {
        return !actor.isGuest() && actor.canOrganise();
    }
}
