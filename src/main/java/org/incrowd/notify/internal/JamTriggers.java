package org.incrowd.notify.internal;

import java.util.Map;
import org.incrowd.jam.JamEvents;
import org.incrowd.notify.NotificationKind;
import org.incrowd.notify.NotificationParams;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A Jam's members are told when it opens, a day and an hour before it closes, and when it has closed. */
@Component
class JamTriggers {

    private final Inbox inbox;

    JamTriggers(Inbox inbox) {
        this.inbox = inbox;
    }

    /** In the transaction that records the milestone: told once, with it, or not at all. */
    @EventListener
    void on(JamEvents.MilestoneReached event) {
        var kind = switch (event.milestone()) {
            case OPENED -> NotificationKind.JAM_OPENED;
            case CLOSING_DAY -> NotificationKind.JAM_CLOSING_DAY;
            case CLOSING_HOUR -> NotificationKind.JAM_CLOSING_HOUR;
            case CLOSED -> NotificationKind.JAM_CLOSED;
        };
        inbox.deliverToJamMembers(kind, event.jamId(), "/jams/" + event.jamId(), Map.of(NotificationParams.JAM, event.title()));
    }
}
