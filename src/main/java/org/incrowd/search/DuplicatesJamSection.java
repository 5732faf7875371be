package org.incrowd.search;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamPageSection;
import org.incrowd.shared.Refusal;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/** The Jam home's pointer to the likely duplicates, shown only to the Jam's organisers, hosts and facilitators. */
@Component
class DuplicatesJamSection implements JamPageSection {

    private final LikelyDuplicates duplicates;
    private final TemplateEngine templates;

    DuplicatesJamSection(LikelyDuplicates duplicates, TemplateEngine templates) {
        this.duplicates = duplicates;
        this.templates = templates;
    }

    @Override
    public String name() {
        return "duplicates";
    }

    @Override
    public int order() {
        return 31; // beside participation: both are for those who guide the Jam
    }

    @Override
    public Content render(Jam jam, Actor viewer, Ui ui) {
        if (viewer == null || !guides(viewer, jam)) {
            return output -> { };
        }
        return output -> templates.render("search/duplicatesSection.jte", Map.of("ui", ui, "jam", jam), output);
    }

    private boolean guides(Actor viewer, Jam jam) {
        try {
            duplicates.jam(viewer, jam.id());
            return true;
        } catch (Refusal refusal) {
            return false;
        }
    }
}
