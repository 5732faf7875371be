package org.incrowd.discussion.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.Joining;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.PostNotes;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Place;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/** "Joined into …": a joined idea points its readers, and their reactions, to the idea it was joined into. */
@Component
class JoinedNotes implements PostNotes {

    private final Joining joining;
    private final PostRepository posts;
    private final TemplateEngine templates;

    JoinedNotes(Joining joining, PostRepository posts, TemplateEngine templates) {
        this.joining = joining;
        this.posts = posts;
        this.templates = templates;
    }

    @Override
    public Map<Long, Content> notes(Place place, List<Post> page, Actor viewer, Ui ui) {
        var joined = joining.joinedInto(page.stream().filter(post -> post.parentId() == null).map(Post::id).toList());
        if (joined.isEmpty()) {
            return Map.of();
        }
        var survivors = posts.findAll(joined.values());
        var notes = new HashMap<Long, Content>();
        joined.forEach((ideaId, intoId) -> {
            var into = survivors.get(intoId);
            String title = into == null || into.hidden() ? null : into.title();
            var model = new HashMap<String, Object>();
            model.put("ui", ui);
            model.put("intoId", intoId);
            model.put("title", title);
            notes.put(ideaId, output -> templates.render("discussion/joinedInto.jte", model, output));
        });
        return notes;
    }
}
