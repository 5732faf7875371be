package org.incrowd.review;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.incrowd.identity.Actor;
import org.incrowd.review.internal.IdeaReviews;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions on ideas: moving one idea or hundreds at once to a stage, always with a written reason that the
 * participants read. Each decision is recorded in the ledger and published, so that authors, builders and followers
 * are told and open pages refresh.
 */
@Service
public class Reviewing {

    /** Longest reason, in characters. */
    public static final int MAX_REASON = 4000;
    /** The ledger's action for a decision. */
    public static final String DECIDED = "DECIDED";

    /**
     * Where an idea stands and what happened to it, as one reader may see it.
     *
     * @param timeline the ledger's entries on the idea, oldest first: the public ones, and all of them for reviewers
     */
    public record IdeaReview(long ideaId, Stage stage, String reason, List<LedgerEntry> timeline) {
    }

    /** What a decision did. */
    public record Decision(Stage stage, int ideas) {
    }

    private final ReviewAccess access;
    private final ReviewStages stages;
    private final IdeaReviews reviews;
    private final ReviewLedger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reviewing(ReviewAccess access, ReviewStages stages, IdeaReviews reviews, ReviewLedger ledger,
              ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.stages = stages;
        this.reviews = reviews;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Moves the ideas to {@code stageKey} with {@code reason}. Refused as a whole, changing nothing, when the reason
     * is missing or too long, the stage unknown, or any id is not an idea of this Jam.
     */
    @Transactional
    public Decision decide(Actor actor, long jamId, Collection<Long> ideaIds, String stageKey, String reason) {
        access.requireReviewerOf(actor, jamId, ideaIds);
        var errors = FieldErrors.none();
        var stage = stages.find(jamId, stageKey == null ? "" : stageKey);
        if (stage.isEmpty()) {
            errors.add("stage", "review.unknownStage");
        }
        String written = reason == null ? "" : reason.strip();
        if (written.isEmpty()) {
            errors.add("reason", "review.reasonRequired");
        } else if (written.length() > MAX_REASON) {
            errors.add("reason", "review.reasonTooLong", MAX_REASON);
        }
        var ids = new LinkedHashSet<>(ideaIds);
        if (ids.isEmpty()) {
            errors.add("ideas", "review.noIdeas");
        }
        errors.throwIfAny();
        var standings = reviews.standings(jamId, ids);
        if (standings.size() != ids.size()) {
            throw Refusal.invalid("ideas", "review.unknownIdeas");
        }
        var now = clock.instant();
        var to = stage.orElseThrow();
        reviews.move(ids, to.key(), to.outcome() != StageOutcome.NEW, to.outcome().decided(), written, now);
        var acts = new ArrayList<ReviewLedger.Act>(standings.size());
        var decided = new ArrayList<ReviewEvents.DecidedIdea>(standings.size());
        for (var standing : standings) {
            acts.add(new ReviewLedger.Act(jamId, standing.ideaId(), null, DECIDED, to.key(), standing.stageKey(),
                    written, actor.personId(), now, true));
            decided.add(new ReviewEvents.DecidedIdea(standing.ideaId(), standing.forumId(), standing.authorId(),
                    standing.stageKey()));
        }
        ledger.recordAll(acts);
        events.publishEvent(new ReviewEvents.IdeasDecided(jamId, decided, to, written, actor.personId(), now));
        return new Decision(to, decided.size());
    }

    /**
     * The idea's review for a reader who may read the idea (the caller checked that); empty when the post is no
     * idea (a reply).
     */
    @Transactional(readOnly = true)
    public Optional<IdeaReview> review(Actor viewer, long jamId, long ideaId) {
        return reviews.stageAndReason(ideaId).map(standing -> {
            var stage = stages.find(jamId, standing[0])
                    .orElse(new Stage(standing[0], standing[0], StageOutcome.OPEN, Integer.MAX_VALUE));
            return new IdeaReview(ideaId, stage, standing[1],
                    ledger.ofIdea(ideaId, access.mayReviewIdea(viewer, jamId, ideaId)));
        });
    }
}
