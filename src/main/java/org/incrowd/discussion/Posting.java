package org.incrowd.discussion;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.incrowd.shared.SafeMarkdown;
import org.incrowd.discussion.internal.PostRepository;
import org.incrowd.discussion.internal.PostRequests;
import org.incrowd.identity.Actor;
import org.incrowd.jam.IdentityMode;
import org.incrowd.jam.IdentityModes;
import org.incrowd.jam.JamService;
import org.incrowd.shared.FieldErrors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starting threads and replying. Who may write where is the jam module's rule ({@link JamService#requirePostingRights});
 * what a good post is, is this module's ({@link PostRules}); how fast one may post, {@link Pace}'s.
 */
@Service
public class Posting {

    private final PostRepository posts;
    private final PostViews views;
    private final JamService jams;
    private final Pace pace;
    private final TermsBeforePosting terms;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IdentityModes modes;
    private final PostRequests requests;

    Posting(PostRepository posts, PostViews views, JamService jams, Pace pace, TermsBeforePosting terms,
            ApplicationEventPublisher events, Clock clock, IdentityModes modes, PostRequests requests) {
        this.modes = modes;
        this.requests = requests;
        this.posts = posts;
        this.views = views;
        this.jams = jams;
        this.pace = pace;
        this.terms = terms;
        this.events = events;
        this.clock = clock;
    }

    /** Starts a thread with an idea. */
    @Transactional
    public Post startThread(Actor actor, long forumId, PostDraft draft) {
        var earlier = written(actor, draft.requestKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        var place = jams.requirePostingRights(actor, forumId);
        var checked = check(actor, place.jam().id(), forumId, draft, true);
        Instant now = clock.instant();
        long id = posts.insert(place.jam().id(), forumId, null, null, actor.personId(), checked.title(),
                checked.body(), SafeMarkdown.toHtml(checked.body()), 0, now);
        posts.replaceTags(id, checked.tags());
        signIfAsked(id, draft);
        requests.remember(actor.personId(), draft.requestKey(), id, now);
        events.publishEvent(new DiscussionEvents.PostPublished(id, place.jam().id(), forumId, id, null,
                actor.personId()));
        return views.require(actor, id);
    }

    /** Replies to any post of a thread, building on it. */
    @Transactional
    public Post reply(Actor actor, long parentId, PostDraft draft) {
        var earlier = written(actor, draft.requestKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        var parent = views.requireRow(actor, parentId);
        jams.requirePostingRights(actor, parent.forumId());
        var checked = check(actor, parent.jamId(), parent.forumId(), draft, false);
        Instant now = clock.instant();
        long id = posts.insert(parent.jamId(), parent.forumId(), parent.threadId(), parent.id(), actor.personId(),
                checked.title(), checked.body(), SafeMarkdown.toHtml(checked.body()), parent.depth() + 1, now);
        posts.replaceTags(id, checked.tags());
        signIfAsked(id, draft);
        requests.remember(actor.personId(), draft.requestKey(), id, now);
        events.publishEvent(new DiscussionEvents.PostPublished(id, parent.jamId(), parent.forumId(),
                parent.threadId(), parent.id(), actor.personId()));
        return views.require(actor, id);
    }

    /**
     * The post this author wrote with this request key, if any: a retry of a request whose answer was lost. Also for
     * the moment two copies of one request ran at once and the second failed on the key: it answers with the first.
     */
    @Transactional(readOnly = true)
    public Optional<Post> written(Actor actor, String requestKey) {
        return requests.earlier(actor.personId(), requestKey).map(id -> views.require(actor, id));
    }

    private PostRules.Checked check(Actor actor, long jamId, long forumId, PostDraft draft, boolean idea) {
        var errors = FieldErrors.none();
        var checked = PostRules.check(draft, idea, errors);
        if (draft.signedByName()) {
            PostRules.signableOnlyUnderPseudonyms(modes.ofForum(forumId).mode(), errors);
        }
        errors.throwIfAny();
        terms.require(actor, jamId); // after the text is fine: the terms page then posts it as it is
        pace.ofPosting(actor);
        return checked;
    }

    /** Marks the post as signed by name; set once when written, so no later edit can reveal or hide the name. */
    private void signIfAsked(long postId, PostDraft draft) {
        if (draft.signedByName()) {
            posts.signByName(postId);
        }
    }
}
