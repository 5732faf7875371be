package org.incrowd.discussion.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import org.incrowd.discussion.Reading;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamPageSection;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/** The latest posts across all forums of a Jam, in one stream on the Jam's home page. */
@Component
class LatestActivitySection implements JamPageSection {

    static final int LATEST = 20;
    private final Reading discussion;
    private final TemplateEngine templates;

    LatestActivitySection(Reading discussion, TemplateEngine templates) {
        this.discussion = discussion;
        this.templates = templates;
    }

    @Override
    public String name() {
        return "activity";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Content render(Jam jam, Actor viewer, Ui ui) {
        var latest = discussion.latestInJam(viewer, jam.id(), LATEST);
        var model = Map.<String, Object>of("ui", ui, "latest", latest, "posts", discussion.countInJam(jam.id()),
                "ideas", discussion.countIdeasInJam(jam.id()), "jamId", jam.id());
        return output -> templates.render("discussion/activity.jte", model, output);
    }
}
