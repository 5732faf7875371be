package org.incrowd.kiosk.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamPageSection;
import org.incrowd.jam.JamService;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/** The Jam home's way to its kiosks, for its organisers and staff. */
@Component
class KioskJamSection implements JamPageSection {

    private final JamService jams;
    private final TemplateEngine templates;

    KioskJamSection(JamService jams, TemplateEngine templates) {
        this.jams = jams;
        this.templates = templates;
    }

    @Override
    public String name() {
        return "kiosk";
    }

    @Override
    public int order() {
        return 37;
    }

    @Override
    public Content render(Jam jam, Actor viewer, Ui ui) {
        if (viewer == null || viewer.isGuest() || !jams.isOrganiserOrStaff(viewer, jam.id())) {
            return output -> { };
        }
        return output -> templates.render("kiosk/section.jte", Map.of("ui", ui, "jam", jam), output);
    }
}
