package org.incrowd.review.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.HashMap;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamPageSection;
import org.incrowd.review.Listening;
import org.incrowd.review.ReviewAccess;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/**
 * The Jam home's pointer to the answers to its themes; organisers also reach what waits and the listening figures,
 * everyone else the figures once they are public. Shown only when there is something to point to.
 */
@Component
class AnswersJamSection implements JamPageSection {

    private final AnswerStore answers;
    private final Listening listening;
    private final ReviewAccess access;
    private final TemplateEngine templates;

    AnswersJamSection(AnswerStore answers, Listening listening, ReviewAccess access, TemplateEngine templates) {
        this.answers = answers;
        this.listening = listening;
        this.access = access;
        this.templates = templates;
    }

    @Override
    public String name() {
        return "answers";
    }

    @Override
    public int order() {
        return 16;
    }

    @Override
    public Content render(Jam jam, Actor viewer, Ui ui) {
        int answered = answers.byTheme(jam.id()).size();
        boolean organiser = access.mayReview(viewer, jam.id());
        boolean figures = organiser || listening.isPublic(jam.id());
        if (answered == 0 && !figures) {
            return output -> { };
        }
        var model = new HashMap<String, Object>();
        model.put("ui", ui);
        model.put("jam", jam);
        model.put("answered", answered);
        model.put("organiser", organiser);
        model.put("figures", figures);
        return output -> templates.render("review/answersSection.jte", model, output);
    }
}
