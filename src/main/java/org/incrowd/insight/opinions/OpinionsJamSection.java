package org.incrowd.insight.opinions;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.HashMap;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamPageSection;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/** The Jam home's pointer to its opinion map, with how many groups have formed. */
@Component
class OpinionsJamSection implements JamPageSection {

    private final OpinionSnapshots snapshots;
    private final TemplateEngine templates;

    OpinionsJamSection(OpinionSnapshots snapshots, TemplateEngine templates) {
        this.snapshots = snapshots;
        this.templates = templates;
    }

    @Override
    public String name() {
        return "opinions";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Content render(Jam jam, Actor viewer, Ui ui) {
        var model = new HashMap<String, Object>();
        model.put("ui", ui);
        model.put("jam", jam);
        model.put("map", snapshots.latest(jam.id(), OpinionSnapshot.WHOLE_JAM).orElse(null));
        return output -> templates.render("insight/jamSection.jte", model, output);
    }
}
