package org.incrowd.notify.internal;

import java.util.List;
import org.incrowd.discussion.Bylines;
import org.incrowd.discussion.PostText;
import org.incrowd.identity.Actor;
import org.springframework.stereotype.Component;

/**
 * How a notification names the person who acted on a post (ADR 49): as {@link Bylines} shows them in the post's
 * forum, so that a reply, a mention, an adopted build-on or a team joined in a pseudonymous forum names the pseudonym
 * and in an anonymous forum names no one. The name is asked for as if by a stranger: the recipient is never the actor.
 */
@Component
class ActorNames {

    private final Bylines bylines;

    ActorNames(Bylines bylines) {
        this.bylines = bylines;
    }

    /** How {@code personId} appears where {@code post} was written (the forum decides, not the post's author). */
    String in(PostText post, long personId) {
        if (post == null) {
            return "";
        }
        if (personId == post.authorId()) { // the post's own byline: it knows whether they signed it by name
            var byline = bylines.ofPost(Actor.GUEST, post.id());
            return byline == null ? "" : byline.name();
        }
        var inForum = new Bylines.Authored(post.id(), post.jamId(), post.forumId(), personId, false);
        return bylines.of(Actor.GUEST, List.of(inForum)).get(post.id()).name();
    }
}
