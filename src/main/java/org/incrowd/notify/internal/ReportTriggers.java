package org.incrowd.notify.internal;

import java.util.Map;
import org.incrowd.notify.NotificationKind;
import org.incrowd.notify.NotificationParams;
import org.incrowd.report.ReportPublished;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A Jam's members are told when its report is published: what we heard, what happens next. */
@Component
class ReportTriggers {

    private final Inbox inbox;

    ReportTriggers(Inbox inbox) {
        this.inbox = inbox;
    }

    /** In the transaction that publishes the report: told once, with it, or not at all (set-based, any Jam size). */
    @EventListener
    void on(ReportPublished event) {
        inbox.deliverToJamMembers(NotificationKind.REPORT_PUBLISHED, event.jamId(),
                "/jams/" + event.jamId() + "/report", Map.of(NotificationParams.JAM, event.jamTitle()));
    }
}
