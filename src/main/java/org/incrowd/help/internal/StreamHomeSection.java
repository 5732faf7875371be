package org.incrowd.help.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import org.incrowd.help.HelpStreams;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamPageSection;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/**
 * On a help stream's Jam home, leads to the stream page (/help/{jamId}), where its questions are asked and answered;
 * other Jams show nothing of it.
 */
@Component
class StreamHomeSection implements JamPageSection {

    private final HelpStreams streams;
    private final TemplateEngine templates;

    StreamHomeSection(HelpStreams streams, TemplateEngine templates) {
        this.streams = streams;
        this.templates = templates;
    }

    @Override
    public String name() {
        return "help-stream";
    }

    @Override
    public int order() {
        return -20;
    }

    @Override
    public Content render(Jam jam, Actor viewer, Ui ui) {
        if (!jam.kind().isHelpStream()) {
            return output -> { };
        }
        var model = Map.<String, Object>of("ui", ui, "jam", jam, "organisationName", streams.organisationName(jam));
        return output -> templates.render("help/homeSection.jte", model, output);
    }
}
