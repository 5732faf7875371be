package org.incrowd.discussion;

import java.time.Clock;
import org.incrowd.discussion.internal.PostRepository;
import org.incrowd.discussion.internal.PostRepository.Row;
import org.incrowd.identity.Actor;
import org.incrowd.jam.JamService;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a forum's hosts and facilitators (and organisers: {@link JamService#mayFacilitate}) do to posts: hide with a
 * reason and restore, pin, spotlight, move threads; and marking a guest's posts.
 */
@Service
public class Moderating {

    private final PostRepository posts;
    private final PostViews views;
    private final JamService jams;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Moderating(PostRepository posts, PostViews views, JamService jams, ApplicationEventPublisher events, Clock clock) {
        this.posts = posts;
        this.views = views;
        this.jams = jams;
        this.events = events;
        this.clock = clock;
    }

    /** Hides a post from everyone but its author and the forum's facilitators; the author sees the reason. */
    @Transactional
    public Post hide(Actor actor, long postId, String reason) {
        var row = requireFacilitatedRow(actor, postId);
        String checked = PostRules.moderationReason(reason);
        if (row.hidden()) {
            throw Refusal.conflict("moderation.alreadyHidden");
        }
        posts.hide(postId, checked, clock.instant());
        events.publishEvent(new DiscussionEvents.PostHidden(postId, row.jamId(), row.forumId(), row.threadId(),
                row.authorId(), checked));
        return views.require(actor, postId);
    }

    @Transactional
    public Post restore(Actor actor, long postId) {
        return restore(actor, postId, null);
    }

    /** Restores a hidden post; {@code reason} (optional, already checked) is passed on to its author. */
    @Transactional
    public Post restore(Actor actor, long postId, String reason) {
        var row = requireFacilitatedRow(actor, postId);
        if (!row.hidden()) {
            throw Refusal.conflict("moderation.notHidden");
        }
        posts.restore(postId);
        events.publishEvent(new DiscussionEvents.PostRestored(postId, row.jamId(), row.forumId(), row.threadId(),
                row.authorId(), reason));
        return views.require(actor, postId);
    }

    /** Pins an idea to the top of its forum (or unpins it). Replies are read in their conversation, never pinned. */
    @Transactional
    public Post pin(Actor actor, long ideaId, boolean pinned) {
        var row = requireFacilitatedRow(actor, ideaId);
        if (row.parentId() != null) {
            throw Refusal.conflict("moderation.pinIdeasOnly");
        }
        posts.pin(ideaId, pinned ? clock.instant() : null);
        events.publishEvent(new DiscussionEvents.PostFeatured(ideaId, row.jamId(), row.forumId(), row.threadId(),
                pinned, row.spotlitAt() != null));
        if (pinned) {
            events.publishEvent(new DiscussionEvents.FeaturedByFacilitator(ideaId, row.jamId(), actor.personId(),
                    row.authorId()));
        }
        return views.require(actor, ideaId);
    }

    /** Puts a post in the spotlight on its Jam's home page (or takes it out). */
    @Transactional
    public Post spotlight(Actor actor, long postId, boolean spotlit) {
        var row = requireFacilitatedRow(actor, postId);
        posts.spotlight(postId, spotlit ? clock.instant() : null);
        events.publishEvent(new DiscussionEvents.PostFeatured(postId, row.jamId(), row.forumId(), row.threadId(),
                row.pinnedAt() != null, spotlit));
        if (spotlit) {
            events.publishEvent(new DiscussionEvents.FeaturedByFacilitator(postId, row.jamId(), actor.personId(),
                    row.authorId()));
        }
        return views.require(actor, postId);
    }

    /** Moves a thread with all its replies to another forum of the same Jam; the person must facilitate both. */
    @Transactional
    public Post moveThread(Actor actor, long ideaId, long toForumId) {
        var row = requireFacilitatedRow(actor, ideaId);
        if (row.parentId() != null) {
            throw Refusal.conflict("moderation.moveIdeasOnly");
        }
        var target = jams.requireFacilitation(actor, toForumId);
        if (target.jam().id() != row.jamId()) {
            throw Refusal.invalid("forum", "moderation.move.otherJam");
        }
        if (toForumId == row.forumId()) {
            throw Refusal.invalid("forum", "moderation.move.sameForum");
        }
        posts.moveThread(row.threadId(), toForumId);
        events.publishEvent(new DiscussionEvents.ThreadMoved(row.threadId(), row.jamId(), row.forumId(), toForumId));
        return views.require(actor, ideaId);
    }

    /**
     * Marks a post as written by a guest during their session. Called by the module that schedules guests, inside
     * the transaction that published the post, so the mark is there when the post is first shown.
     */
    @Transactional
    public void labelAsGuest(long postId, String label) {
        posts.labelAsGuest(postId, label);
    }

    private Row requireFacilitatedRow(Actor actor, long postId) {
        var row = views.requireRow(actor, postId);
        jams.requireFacilitation(actor, row.forumId());
        return row;
    }
}
