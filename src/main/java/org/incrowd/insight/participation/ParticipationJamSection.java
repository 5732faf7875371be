package org.incrowd.insight.participation;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamPageSection;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/** The Jam home's pointer to the participation page, shown only to those who may open it. */
@Component
class ParticipationJamSection implements JamPageSection {

    private final Participation participation;
    private final TemplateEngine templates;

    ParticipationJamSection(Participation participation, TemplateEngine templates) {
        this.participation = participation;
        this.templates = templates;
    }

    @Override
    public String name() {
        return "participation";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Content render(Jam jam, Actor viewer, Ui ui) {
        if (viewer == null || !participation.maySee(viewer, jam)) {
            return output -> { };
        }
        return output -> templates.render("insight/participationSection.jte", Map.of("ui", ui, "jam", jam), output);
    }
}
