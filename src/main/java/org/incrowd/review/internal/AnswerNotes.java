package org.incrowd.review.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.PostNotes;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Place;
import org.incrowd.review.ThemeAnswers;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/** Under each post of an answered theme: "Answered: we did …", linking to the whole answer. */
@Component
class AnswerNotes implements PostNotes {

    private final ThemeAnswers answers;
    private final TemplateEngine templates;

    AnswerNotes(ThemeAnswers answers, TemplateEngine templates) {
        this.answers = answers;
        this.templates = templates;
    }

    @Override
    public Map<Long, Content> notes(Place place, List<Post> posts, Actor viewer, Ui ui) {
        var notes = new HashMap<Long, Content>();
        answers.ofPosts(posts.stream().map(Post::id).toList()).forEach((postId, answer) -> notes.put(postId,
                output -> templates.render("review/answerNote.jte", Map.of("ui", ui, "answer", answer), output)));
        return notes;
    }
}
