package org.incrowd.review.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.HashMap;
import java.util.Map;
import org.incrowd.identity.Actor;
import org.incrowd.insight.JamThemes;
import org.incrowd.insight.ThemeNotes;
import org.incrowd.review.ReviewAccess;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/** On the Jam Pulse: each answered theme shows "Answered: we did …"; organisers get a link to answer the others. */
@Component
class AnswerThemeNotes implements ThemeNotes {

    private final AnswerStore answers;
    private final JamThemes themes;
    private final ReviewAccess access;
    private final TemplateEngine templates;

    AnswerThemeNotes(AnswerStore answers, JamThemes themes, ReviewAccess access, TemplateEngine templates) {
        this.answers = answers;
        this.themes = themes;
        this.access = access;
        this.templates = templates;
    }

    @Override
    public Map<String, Content> notes(long jamId, Actor viewer, Ui ui) {
        var notes = new HashMap<String, Content>();
        var answered = answers.byTheme(jamId);
        answered.forEach((key, answer) -> notes.put(key, output -> templates.render("review/answerNote.jte",
                Map.of("ui", ui, "answer", answer), output)));
        if (access.mayReview(viewer, jamId)) {
            themes.of(jamId).stream().filter(theme -> !answered.containsKey(theme.key())).forEach(theme ->
                    notes.put(theme.key(), output -> templates.render("review/answerThemeLink.jte",
                            Map.of("ui", ui, "link", "/jams/" + jamId + "/review/answers#theme-" + theme.key()),
                            output)));
        }
        return notes;
    }
}
