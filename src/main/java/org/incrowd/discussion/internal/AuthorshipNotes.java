package org.incrowd.discussion.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.Adopting;
import org.incrowd.discussion.IdeaTeams;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.PostNotes;
import org.incrowd.discussion.ProxyIdeas;
import org.incrowd.identity.Actor;
import org.incrowd.jam.JamService;
import org.incrowd.jam.Place;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/**
 * Who an idea is from beyond its byline, under it on the thread page: the person it was entered for and who entered
 * it, its team (join, leave, take off), the build-ons adopted into it; and on each reply whether it was adopted,
 * with the button for the idea's author and team. A few queries per page, whatever its size.
 */
@Component
class AuthorshipNotes implements PostNotes {

    private final ProxyIdeas proxies;
    private final IdeaTeams teams;
    private final Adopting adopting;
    private final JamService jams;
    private final TemplateEngine templates;

    AuthorshipNotes(ProxyIdeas proxies, IdeaTeams teams, Adopting adopting, JamService jams,
                    TemplateEngine templates) {
        this.proxies = proxies;
        this.teams = teams;
        this.adopting = adopting;
        this.jams = jams;
        this.templates = templates;
    }

    @Override
    public Map<Long, Content> notes(Place place, List<Post> page, Actor viewer, Ui ui) {
        var ideas = page.stream().filter(Post::isIdea).filter(post -> !post.moderation().withheld()).toList();
        var ideaIds = ideas.stream().map(Post::id).toList();
        var proxied = proxies.of(ideaIds);
        var teamOf = teams.members(ideaIds);
        var adoptedInto = adopting.adoptedInto(ideaIds);
        boolean canPost = !viewer.isGuest() && jams.mayPost(viewer, place);
        var notes = new HashMap<Long, Content>();
        for (var idea : ideas) {
            var team = teamOf.getOrDefault(idea.id(), List.of());
            boolean author = idea.authorId() == viewer.personId() && !viewer.isGuest();
            boolean member = team.stream().anyMatch(person -> person.personId() == viewer.personId());
            var proxy = proxied.get(idea.id());
            var adopted = adoptedInto.getOrDefault(idea.id(), List.of());
            boolean canJoin = canPost && !author && !member && !idea.moderation().hidden();
            if (proxy == null && team.isEmpty() && adopted.isEmpty() && !canJoin && !member) {
                continue; // nothing to say: no note at all, rather than an empty box under the idea
            }
            var model = new HashMap<String, Object>();
            model.put("ui", ui);
            model.put("ideaId", idea.id());
            model.put("proxy", proxy);
            model.put("team", team);
            model.put("adopted", adopted);
            model.put("canJoin", canJoin);
            model.put("member", member);
            model.put("author", author);
            model.put("entrant", proxy != null && proxy.enteredById() == viewer.personId() && !viewer.isGuest());
            notes.put(idea.id(), output -> templates.render("discussion/authorshipIdea.jte", model, output));
        }
        var replies = page.stream().filter(post -> !post.isIdea()).toList();
        var adopted = adopting.adoptedAmong(replies.stream().map(Post::id).toList());
        var thread = page.stream().filter(Post::isIdea).findFirst();
        boolean mayAdopt = canPost && thread.isPresent() && adopting.mayAdopt(viewer, thread.get());
        for (var reply : replies) {
            boolean own = reply.authorId() == viewer.personId();
            boolean button = mayAdopt && !own && !reply.moderation().hidden() && reply.threadId() == thread.get().id();
            if (adopted.contains(reply.id()) || button) {
                var model = new HashMap<String, Object>();
                model.put("ui", ui);
                model.put("postId", reply.id());
                model.put("adopted", adopted.contains(reply.id()));
                model.put("mayAdopt", button);
                notes.put(reply.id(), output -> templates.render("discussion/authorshipReply.jte", model, output));
            }
        }
        return notes;
    }
}
