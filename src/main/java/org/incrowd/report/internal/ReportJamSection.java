package org.incrowd.report.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamPageSection;
import org.incrowd.jam.JamPhase;
import org.incrowd.jam.JamService;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/**
 * A closed Jam's home leads with what we heard, what happens next and the report: the section with the smallest
 * order, shown once the Jam has ended (closed or continuing as a community) and its report is published.
 */
@Component
class ReportJamSection implements JamPageSection {

    /** Before every other section; the Jam's home shows sections below zero above its forums. */
    static final int ORDER = -100;
    /** The summary shows the start of "what we heard" and "what happens next"; the report has the rest. */
    static final int SUMMARY_LENGTH = 600;

    private final ReportReading reading;
    private final JamService jams;
    private final TemplateEngine templates;

    ReportJamSection(ReportReading reading, JamService jams, TemplateEngine templates) {
        this.reading = reading;
        this.jams = jams;
        this.templates = templates;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public Content render(Jam jam, Actor viewer, Ui ui) {
        var phase = jam.phase(jams.now());
        if ((phase != JamPhase.CLOSED && phase != JamPhase.COMMUNITY) || !reading.isPublished(jam.id())) {
            return output -> { };
        }
        var report = reading.view(viewer, jam.id());
        return output -> templates.render("report/jamSection.jte", Map.of("ui", ui, "report", report,
                "heard", summary(report.heard()), "next", summary(report.next())), output);
    }

    private static String summary(String text) {
        return text.length() <= SUMMARY_LENGTH ? text : text.substring(0, SUMMARY_LENGTH).strip() + "…";
    }
}
