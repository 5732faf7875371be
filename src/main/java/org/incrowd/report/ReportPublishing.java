package org.incrowd.report;

import org.incrowd.identity.Actor;
import org.incrowd.report.internal.ReportWriting;
import org.incrowd.shared.FieldErrors;
import org.springframework.stereotype.Service;

/** Publishing a Jam's report on an organiser's behalf, for other modules (the demo's closed Jam has one). */
@Service
public class ReportPublishing {

    private final ReportWriting writing;

    ReportPublishing(ReportWriting writing) {
        this.writing = writing;
    }

    /** Saves and publishes the whole report, with the same checks as the organisers' page. */
    public void publish(Actor organiser, long jamId, ReportDraft report) {
        writing.publish(organiser, jamId, report, FieldErrors.none());
    }
}
