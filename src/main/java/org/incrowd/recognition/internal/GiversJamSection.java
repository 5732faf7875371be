package org.incrowd.recognition.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.HashMap;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamPageSection;
import org.incrowd.recognition.Prizes;
import org.incrowd.recognition.Recognition;
import org.incrowd.recognition.RecognitionSwitch;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/** The Jam home's pointer to its givers page, with the challenge's prizes awarded so far. */
@Component
class GiversJamSection implements JamPageSection {

    private final Recognition recognition;
    private final Prizes prizes;
    private final TemplateEngine templates;

    GiversJamSection(Recognition recognition, Prizes prizes, TemplateEngine templates) {
        this.recognition = recognition;
        this.prizes = prizes;
        this.templates = templates;
    }

    @Override
    public String name() {
        return "givers";
    }

    @Override
    public int order() {
        return 18;
    }

    @Override
    public Content render(Jam jam, Actor viewer, Ui ui) {
        boolean page = recognition.isOn(jam.id(), RecognitionSwitch.GIVERS_PAGE);
        var awarded = prizes.prizes(jam.id());
        if (!page && awarded.isEmpty() && !recognition.isOrganiser(viewer)) {
            return output -> { };
        }
        var model = new HashMap<String, Object>();
        model.put("ui", ui);
        model.put("jam", jam);
        model.put("page", page);
        model.put("prizes", awarded);
        return output -> templates.render("recognition/jamSection.jte", model, output);
    }
}
