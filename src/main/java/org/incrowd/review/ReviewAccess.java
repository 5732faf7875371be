package org.incrowd.review;

import java.util.Collection;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.incrowd.review.internal.Assignments;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Component;

/**
 * Who may review a Jam's ideas: its organisers all of them, and the reviewers they assign the ideas of their forums,
 * themes and the ideas given to them by hand.
 */
@Component
public class ReviewAccess {

    private final JamService jams;
    private final Assignments assignments;

    ReviewAccess(JamService jams, Assignments assignments) {
        this.jams = jams;
        this.assignments = assignments;
    }

    /** The Jam, if the actor may review some of its ideas; 404 where they cannot see it, 403 where they may not. */
    public Jam requireReviewer(Actor actor, long jamId) {
        var jam = jams.require(actor, jamId);
        if (!mayReview(actor, jamId)) {
            throw Refusal.forbidden("review.reviewersOnly");
        }
        return jam;
    }

    /** The Jam, if the actor may review every one of the ideas (organisers: any idea of the Jam). */
    public Jam requireReviewerOf(Actor actor, long jamId, Collection<Long> ideaIds) {
        var jam = requireReviewer(actor, jamId);
        if (!isOrganiser(actor) && !assignments.covers(jamId, actor.personId(), ideaIds)) {
            throw Refusal.forbidden("review.notYourIdeas");
        }
        return jam;
    }

    /** The Jam, if the actor organises it: they define scorecards and assign reviewers. */
    public Jam requireOrganiser(Actor actor, long jamId) {
        var jam = jams.require(actor, jamId);
        if (!isOrganiser(actor)) {
            throw Refusal.forbidden("review.organisersOnly");
        }
        return jam;
    }

    public boolean mayReview(Actor actor, long jamId) {
        return isOrganiser(actor) || !actor.isGuest() && assignments.hasAny(jamId, actor.personId());
    }

    /** Whether the actor may see the staff's side of this idea and decide on it: organisers, and its reviewers. */
    public boolean mayReviewIdea(Actor actor, long jamId, long ideaId) {
        return isOrganiser(actor)
                || !actor.isGuest() && assignments.covers(jamId, actor.personId(), java.util.List.of(ideaId));
    }

    /** Organisers see and decide on every idea; assigned reviewers only on theirs. */
    public boolean isOrganiser(Actor actor) {
        return !actor.isGuest() && actor.canOrganise();
    }
}
