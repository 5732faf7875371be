package org.incrowd.discussion;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.incrowd.discussion.internal.PostRepository;
import org.incrowd.discussion.internal.PostRepository.Row;
import org.incrowd.identity.Actor;
import org.incrowd.jam.JamService;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agree, disagree or pass (one per person and post, changeable), and helpful marks. Everyone who may post in a
 * forum may react there, as fast as {@link Pace} allows.
 */
@Service
public class Reacting {

    private final PostRepository posts;
    private final PostViews views;
    private final JamService jams;
    private final Pace pace;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Joining joining;

    Reacting(PostRepository posts, PostViews views, JamService jams, Pace pace, ApplicationEventPublisher events,
             Clock clock, Joining joining) {
        this.joining = joining;
        this.posts = posts;
        this.views = views;
        this.jams = jams;
        this.pace = pace;
        this.events = events;
        this.clock = clock;
    }

    /** Agree, disagree or pass; changing one's reaction is allowed, repeating it is refused. */
    @Transactional
    public Post react(Actor actor, long postId, ReactionKind kind) {
        if (kind == null) {
            throw Refusal.invalid("kind", "reaction.kind.invalid");
        }
        var row = requireReactionRights(actor, postId);
        // A joined idea's supporters count on the idea it was joined into (only ideas are ever joined).
        if (row.parentId() == null && joining.joinedInto(java.util.List.of(postId)).containsKey(postId)) {
            throw Refusal.conflict("joining.joinedIdea");
        }
        var earlier = posts.reaction(postId, actor.personId());
        if (earlier.filter(kind::equals).isPresent()) {
            throw Refusal.conflict("reaction.already");
        }
        // As the database keeps it (to the microsecond), so the hour it falls in is the stored reaction's.
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        posts.saveReaction(postId, actor.personId(), kind, now, earlier.isEmpty());
        events.publishEvent(new DiscussionEvents.ReactionCast(postId, row.jamId(), row.forumId(), row.threadId(),
                actor.personId(), kind, now, earlier.isEmpty()));
        return views.of(actor, row);
    }

    @Transactional
    public Post withdrawReaction(Actor actor, long postId) {
        var row = requireReactionRights(actor, postId);
        if (posts.deleteReaction(postId, actor.personId()) == 0) {
            throw Refusal.conflict("reaction.none");
        }
        events.publishEvent(new DiscussionEvents.ReactionWithdrawn(postId, row.jamId(), row.forumId(),
                row.threadId(), actor.personId()));
        return views.of(actor, row);
    }

    @Transactional
    public Post markHelpful(Actor actor, long postId) {
        var row = requireReactionRights(actor, postId);
        if (!posts.markHelpful(postId, actor.personId(), clock.instant())) {
            throw Refusal.conflict("helpful.already");
        }
        events.publishEvent(new DiscussionEvents.MarkedHelpful(postId, row.jamId(), row.forumId(), row.threadId(),
                actor.personId()));
        return views.of(actor, row);
    }

    @Transactional
    public Post unmarkHelpful(Actor actor, long postId) {
        var row = requireReactionRights(actor, postId);
        if (posts.unmarkHelpful(postId, actor.personId()) == 0) {
            throw Refusal.conflict("helpful.none");
        }
        events.publishEvent(new DiscussionEvents.HelpfulUnmarked(postId, row.jamId(), row.forumId(),
                row.threadId(), actor.personId()));
        return views.of(actor, row);
    }

    /**
     * The post as the reactor may see it, read once for the checks and the answer (a reaction changes only the counts,
     * which the answer reads afresh). The pace comes first: it waits for the same person's other reactions, and the
     * row read after that wait is as fresh as the answer's own read used to be. A refused request records no use.
     */
    private Row requireReactionRights(Actor actor, long postId) {
        pace.ofReacting(actor);
        var row = views.requireRow(actor, postId);
        jams.requirePostingRights(actor, row.forumId());
        return row;
    }
}
