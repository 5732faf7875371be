package org.incrowd.discussion;

import java.util.ArrayList;
import java.util.List;
import org.incrowd.shared.SafeMarkdown;
import org.incrowd.discussion.internal.PostRepository;
import org.incrowd.identity.Actor;
import org.incrowd.jam.JamService;
import org.incrowd.jam.Place;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organisers bring a conversation from another system (Pol.is) into a forum: its statements and its votes. */
@Service
public class Importing {

    private final PostRepository posts;
    private final JamService jams;
    private final ApplicationEventPublisher events;

    Importing(PostRepository posts, JamService jams, ApplicationEventPublisher events) {
        this.posts = posts;
        this.jams = jams;
        this.events = events;
    }

    /**
     * Adds statements as ideas of a forum, whatever its phase and without the posting rate limit: they were written
     * elsewhere, earlier. Returns the new post ids in the order given.
     */
    @Transactional
    public List<Long> importStatements(Actor actor, long forumId, List<ImportedStatement> statements) {
        var place = requireImportRights(actor, forumId);
        var ids = new ArrayList<Long>(statements.size());
        for (var statement : statements) {
            String body = PostRules.importedBody(statement.text());
            long id = posts.insert(place.jam().id(), forumId, null, null, statement.authorId(),
                    PostRules.titleFrom(body), body, SafeMarkdown.toHtml(body), 0, statement.createdAt());
            ids.add(id);
        }
        return ids;
    }

    /** Adds reactions to imported ideas of a forum in one batch; announces nothing (see {@link #finishImport}). */
    @Transactional
    public void importReactions(Actor actor, long forumId, List<ImportedReaction> reactions) {
        requireImportRights(actor, forumId);
        posts.saveReactions(reactions);
    }

    /** One event for a whole import, not one per vote, so that listeners catch up once. */
    public void finishImport(Actor actor, long forumId, int statements, int reactions) {
        var place = requireImportRights(actor, forumId);
        events.publishEvent(new DiscussionEvents.ConversationImported(place.jam().id(), forumId, statements,
                reactions));
    }

    private Place requireImportRights(Actor actor, long forumId) {
        var place = jams.requireForum(actor, forumId);
        if (!actor.canOrganise()) {
            throw Refusal.forbidden("error.forbidden");
        }
        return place;
    }
}
