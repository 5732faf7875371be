package org.incrowd.recognition.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.PostNotes;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Place;
import org.incrowd.recognition.Recognition;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/** The badges an author earned in the Jam, beside their post (nothing where badges are switched off). */
@Component
class BadgeNotes implements PostNotes {

    private final Recognition recognition;
    private final TemplateEngine templates;

    BadgeNotes(Recognition recognition, TemplateEngine templates) {
        this.recognition = recognition;
        this.templates = templates;
    }

    @Override
    public Map<Long, Content> notes(Place place, List<Post> posts, Actor viewer, Ui ui) {
        if (posts.isEmpty()) {
            return Map.of();
        }
        long jamId = posts.getFirst().jamId();
        var badges = recognition.badgesShown(jamId, posts.stream().map(Post::authorId).distinct().toList());
        var notes = new HashMap<Long, Content>();
        for (var post : posts) {
            var held = badges.get(post.authorId());
            if (held != null && !held.isEmpty()) {
                notes.put(post.id(), output -> templates.render("recognition/badges.jte",
                        Map.of("ui", ui, "badges", held, "jamId", jamId), output));
            }
        }
        return notes;
    }
}
