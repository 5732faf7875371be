package org.incrowd.jam.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import org.incrowd.identity.CurrentActor;
import org.incrowd.jam.JamService;
import org.incrowd.web.HomeSection;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/** The Jams a signed-in person can see, on the home page. */
@Component
class JamsHomeSection implements HomeSection {

    private final JamService jams;
    private final CurrentActor currentActor;
    private final TemplateEngine templates;

    JamsHomeSection(JamService jams, CurrentActor currentActor, TemplateEngine templates) {
        this.jams = jams;
        this.currentActor = currentActor;
        this.templates = templates;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Content render(Ui ui) {
        var actor = currentActor.current();
        if (actor.isEmpty()) {
            return output -> { };
        }
        var visible = jams.visibleTo(actor.get());
        return output -> templates.render("jam/homeSection.jte",
                Map.of("ui", ui, "jams", visible, "now", jams.now()), output);
    }
}
