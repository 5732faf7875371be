package org.incrowd.jam.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import org.incrowd.identity.Actor;
import org.incrowd.jam.JamService;
import org.incrowd.jam.Place;
import org.incrowd.jam.PlaceNotice;
import org.incrowd.jam.PostingPolicy;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/** Readers of a forum kept as an archive after its Jam learn so at the top of the forum, not only when posting. */
@Component
class CommunityArchiveNotice implements PlaceNotice {

    private final JamService jams;
    private final TemplateEngine templates;

    CommunityArchiveNotice(JamService jams, TemplateEngine templates) {
        this.jams = jams;
        this.templates = templates;
    }

    @Override
    public Content render(Place place, Actor viewer, Ui ui) {
        if (!PostingPolicy.isArchive(place, jams.now())) {
            return output -> { };
        }
        return output -> templates.render("jam/archiveNotice.jte", Map.of("ui", ui), output);
    }
}
