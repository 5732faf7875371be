package org.incrowd.review.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.PostFeed;
import org.incrowd.discussion.PostNotes;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Place;
import org.incrowd.review.IdeaJoin;
import org.incrowd.review.IdeaJoins;
import org.incrowd.review.JoinKind;
import org.incrowd.review.JoinState;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/**
 * Under an idea: "see also" for linked ideas, the ideas joined into it, a proposal waiting for consent (for its
 * authors and the staff), and for the staff the way to propose a join. The joined idea's own "joined into …" is
 * the conversation's (discussion shows it wherever the idea is read).
 */
@Component
class JoinNotes implements PostNotes {

    private final IdeaJoins joins;
    private final PostFeed posts;
    private final TemplateEngine templates;

    JoinNotes(IdeaJoins joins, PostFeed posts, TemplateEngine templates) {
        this.joins = joins;
        this.posts = posts;
        this.templates = templates;
    }

    @Override
    public Map<Long, Content> notes(Place place, List<Post> page, Actor viewer, Ui ui) {
        var ideas = page.stream().filter(post -> post.parentId() == null).toList();
        if (ideas.isEmpty()) {
            return Map.of();
        }
        var ids = ideas.stream().map(Post::id).toList();
        boolean staff = joins.mayPropose(viewer, place.forum().id());
        var standing = joins.standingOf(ids);
        var titles = titles(standing);
        var notes = new HashMap<Long, Content>();
        for (var idea : ideas) {
            var lines = new ArrayList<JoinNoteLine>();
            for (var join : standing) {
                if (join.ideaId() == idea.id() || join.otherId() == idea.id()) {
                    line(join, idea.id(), viewer, staff, titles).ifPresent(lines::add);
                }
            }
            if (!lines.isEmpty() || staff) {
                var model = new HashMap<String, Object>();
                model.put("ui", ui);
                model.put("lines", lines);
                model.put("proposeLink", staff ? "/ideas/" + idea.id() + "/join" : null);
                notes.put(idea.id(), output -> templates.render("review/mergeNote.jte", model, output));
            }
        }
        return notes;
    }

    private static java.util.Optional<JoinNoteLine> line(IdeaJoin join, long ideaId, Actor viewer, boolean staff,
                                                 Map<Long, String> titles) {
        long other = join.otherThan(ideaId);
        String title = titles.get(other);
        if (join.state() == JoinState.PROPOSED) {
            return staff || join.isAuthor(viewer.personId())
                    ? java.util.Optional.of(new JoinNoteLine("joining.pending", title, "/joins/" + join.id()))
                    : java.util.Optional.empty();
        }
        if (join.kind() == JoinKind.LINK) {
            return java.util.Optional.of(new JoinNoteLine("joining.seeAlso", title, "/threads/" + other));
        }
        if (join.otherId() == ideaId) {
            return java.util.Optional.of(new JoinNoteLine("joining.joinedHere", title, "/threads/" + other));
        }
        // The joined idea: discussion says where it went; the staff get the way to undo it.
        return staff ? java.util.Optional.of(new JoinNoteLine("joining.viewProposal", null, "/joins/" + join.id()))
                : java.util.Optional.empty();
    }

    /** The other ideas' titles; a hidden idea is named by none. */
    private Map<Long, String> titles(List<IdeaJoin> standing) {
        if (standing.isEmpty()) {
            return Map.of(); // most ideas: no join, and no two reads (each its own transaction) to name none
        }
        var ids = new HashSet<Long>();
        standing.forEach(join -> {
            ids.add(join.ideaId());
            ids.add(join.otherId());
        });
        var hidden = posts.hiddenAmong(ids);
        var titles = new HashMap<Long, String>();
        posts.texts(ids).stream().filter(text -> !hidden.contains(text.id()))
                .forEach(text -> titles.put(text.id(), text.title()));
        return titles;
    }
}
