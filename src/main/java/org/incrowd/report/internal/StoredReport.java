package org.incrowd.report.internal;

import org.incrowd.report.ReportDraft;
import java.time.Instant;

/** A report as stored: the draft and whether (and when) it was published. */
record StoredReport(long jamId, ReportDraft draft, Instant updatedAt, Instant publishedAt) {

    boolean published() {
        return publishedAt != null;
    }
}
