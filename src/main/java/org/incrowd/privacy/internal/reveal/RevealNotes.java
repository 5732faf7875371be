package org.incrowd.privacy.internal.reveal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.PostNotes;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Place;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/** Under each post whose author is hidden, for administrators only: "Reveal the author…", which starts a request. */
@Component
class RevealNotes implements PostNotes {

    private final TemplateEngine templates;

    RevealNotes(TemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    public Map<Long, Content> notes(Place place, List<Post> posts, Actor viewer, Ui ui) {
        var notes = new HashMap<Long, Content>();
        if (!viewer.isAdministrator()) {
            return notes;
        }
        posts.stream().filter(post -> post.byline() != null && post.byline().hidesAuthor()).forEach(post ->
                notes.put(post.id(), output -> templates.render("privacy/revealNote.jte",
                        Map.of("ui", ui, "postId", post.id()), output)));
        return notes;
    }
}
