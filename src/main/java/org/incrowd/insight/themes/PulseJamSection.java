package org.incrowd.insight.themes;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.HashMap;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamPageSection;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/** The Jam home's pointer to its Jam Pulse, with the leading themes. */
@Component
class PulseJamSection implements JamPageSection {

    private static final int LEADING = 3;

    private final JamPulse pulse;
    private final TemplateEngine templates;

    PulseJamSection(JamPulse pulse, TemplateEngine templates) {
        this.pulse = pulse;
        this.templates = templates;
    }

    @Override
    public String name() {
        return "pulse";
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public Content render(Jam jam, Actor viewer, Ui ui) {
        var model = new HashMap<String, Object>();
        model.put("ui", ui);
        model.put("jam", jam);
        model.put("themes", pulse.leading(jam.id(), LEADING));
        return output -> templates.render("insight/pulseSection.jte", model, output);
    }
}
