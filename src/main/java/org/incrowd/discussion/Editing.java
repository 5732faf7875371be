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

/**
 * An author edits their post within the edit window; earlier versions are kept, and shown as its history with who
 * edited. An idea with a team is developed together: its author and every team member may edit it, without the
 * window (the team works on it for days; the history shows each version and who replaced it).
 */
@Service
public class Editing {

    private final PostRepository posts;
    private final PostViews views;
    private final JamService jams;
    private final IdeaTeams teams;
    private final TermsBeforePosting terms;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Bylines bylines;

    Editing(PostRepository posts, PostViews views, JamService jams, IdeaTeams teams, TermsBeforePosting terms,
            ApplicationEventPublisher events, Clock clock, Bylines bylines) {
        this.bylines = bylines;
        this.posts = posts;
        this.views = views;
        this.jams = jams;
        this.teams = teams;
        this.terms = terms;
        this.events = events;
        this.clock = clock;
    }

    /** The author edits within the edit window; the earlier version is kept in the history. */
    @Transactional
    public Post edit(Actor actor, long postId, PostDraft draft) {
        var row = requireEditableRow(actor, postId);
        jams.requirePostingRights(actor, row.forumId());
        Instant now = clock.instant();
        if (!PostRules.withinEditWindow(row.createdAt(), now) && !teams.hasTeam(row)) {
            throw Refusal.conflict("post.edit.windowClosed", PostRules.EDIT_WINDOW.toMinutes());
        }
        var errors = FieldErrors.none();
        var checked = PostRules.check(draft, row.parentId() == null, errors);
        errors.throwIfAny();
        terms.require(actor, row.jamId());
        posts.addRevision(postId, row.title(), row.body(), now, actor.personId());
        posts.update(postId, checked.title(), checked.body(), SafeMarkdown.toHtml(checked.body()), now);
        posts.replaceTags(postId, checked.tags());
        events.publishEvent(new DiscussionEvents.PostEdited(postId, row.jamId(), row.forumId(), row.threadId()));
        return views.require(actor, postId);
    }

    /** The post its author (or its idea's team) is about to edit; refused to anyone else, and once hidden. */
    public Post editable(Actor actor, long postId) {
        return views.of(actor, requireEditableRow(actor, postId));
    }

    private Row requireEditableRow(Actor actor, long postId) {
        var row = views.requireRow(actor, postId);
        if (row.authorId() != actor.personId() && !teams.isMember(row, actor.personId())) {
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
        var stored = posts.revisions(postId);
        var shown = bylines.ofPeopleIn(actor, post.jamId(), post.forumId(), stored.stream()
                .map(PostRepository.StoredRevision::editorId).filter(java.util.Objects::nonNull).toList());
        // The author appears as on the post itself (signed by name or not); team members as they would as authors.
        return stored.stream().map(revision -> new Revision(revision.title(), revision.body(), revision.replacedAt(),
                revision.editorId() == null ? null : revision.editorId() == post.authorId() ? post.authorName()
                        : shown.get(revision.editorId()).name())).toList();
    }
}
