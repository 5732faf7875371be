package org.incrowd.discussion;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.incrowd.shared.SafeMarkdown;
import org.incrowd.discussion.internal.PostRepository;
import org.incrowd.discussion.internal.PostRepository.Row;
import org.incrowd.identity.Actor;
import org.incrowd.jam.JamService;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An author edits their post within the edit window; earlier versions are kept, and shown as its history. */
@Service
public class Editing {

    private final PostRepository posts;
    private final PostViews views;
    private final JamService jams;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Editing(PostRepository posts, PostViews views, JamService jams, ApplicationEventPublisher events, Clock clock) {
        this.posts = posts;
        this.views = views;
        this.jams = jams;
        this.events = events;
        this.clock = clock;
    }

    /** The author edits within the edit window; the earlier version is kept in the history. */
    @Transactional
    public Post edit(Actor actor, long postId, PostDraft draft) {
        var row = requireEditableRow(actor, postId);
        jams.requirePostingRights(actor, row.forumId());
        Instant now = clock.instant();
        if (!PostRules.withinEditWindow(row.createdAt(), now)) {
            throw Refusal.conflict("post.edit.windowClosed", PostRules.EDIT_WINDOW.toMinutes());
        }
        var errors = FieldErrors.none();
        var checked = PostRules.check(draft, row.parentId() == null, errors);
        errors.throwIfAny();
        posts.addRevision(postId, row.title(), row.body(), now);
        posts.update(postId, checked.title(), checked.body(), SafeMarkdown.toHtml(checked.body()), now);
        posts.replaceTags(postId, checked.tags());
        events.publishEvent(new DiscussionEvents.PostEdited(postId, row.jamId(), row.forumId(), row.threadId()));
        return views.require(actor, postId);
    }

    /** The post its author is about to edit; refused to anyone else, and once a facilitator hid it. */
    public Post editable(Actor actor, long postId) {
        return views.of(actor, requireEditableRow(actor, postId));
    }

    private Row requireEditableRow(Actor actor, long postId) {
        var row = views.requireRow(actor, postId);
        if (row.authorId() != actor.personId()) {
            throw Refusal.forbidden("post.edit.notAuthor");
        }
        PostRules.requireNotHidden(row.hidden());
        return row;
    }

    /** Earlier versions of a post; those of a hidden post only for the people who may read it. */
    public List<Revision> history(Actor actor, long postId) {
        var post = views.require(actor, postId);
        if (post.moderation().withheld()) {
            throw Refusal.forbidden("post.history.hidden");
        }
        return posts.revisions(postId);
    }
}
