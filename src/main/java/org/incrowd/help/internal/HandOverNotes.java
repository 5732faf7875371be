package org.incrowd.help.internal;

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

/**
 * Under a question, for its answerers only (never its asker, never guests): whom it is assigned to, the chain of
 * hand-overs with their notes, and the way to hand it on.
 */
@Component
class HandOverNotes implements PostNotes {

    private final HelpQuestionRows questions;
    private final HandOvers handOvers;
    private final TemplateEngine templates;

    HandOverNotes(HelpQuestionRows questions, HandOvers handOvers, TemplateEngine templates) {
        this.questions = questions;
        this.handOvers = handOvers;
        this.templates = templates;
    }

    @Override
    public Map<Long, Content> notes(Place place, List<Post> posts, Actor viewer, Ui ui) {
        if (!place.jam().kind().isHelpStream() || viewer.isGuest()) {
            return Map.of();
        }
        var answered = posts.stream().filter(Post::isIdea).map(post -> questions.find(post.id()))
                .flatMap(java.util.Optional::stream).filter(question -> handOvers.mayAnswer(viewer, question))
                .toList();
        if (answered.isEmpty()) {
            return Map.of();
        }
        var chains = handOvers.chains(answered.stream().map(q -> q.questionId()).toList());
        var names = handOvers.names(answered.stream().map(q -> q.assigneeId())
                .filter(java.util.Objects::nonNull).toList());
        var notes = new HashMap<Long, Content>();
        for (var question : answered) {
            var note = new HelpPages.HandOverNote(question.questionId(),
                    question.assigneeId() == null ? null : names.get(question.assigneeId()),
                    chains.getOrDefault(question.questionId(), List.of()));
            notes.put(question.questionId(),
                    output -> templates.render("help/handOverNote.jte", Map.of("ui", ui, "note", note), output));
        }
        return notes;
    }
}
