package org.incrowd.facilitation.internal;

import java.time.Clock;
import org.incrowd.discussion.DiscussionEvents;
import org.incrowd.discussion.Moderating;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Guest sessions over time: alerts the forum when a guest's slot begins, and marks what a guest writes during
 * their slot so readers know who is speaking.
 */
@Component
class GuestSessionClock {

    private final Facilitation facilitation;
    private final GuestSessions guests;
    private final Moderating discussion;
    private final Clock clock;

    GuestSessionClock(Facilitation facilitation, GuestSessions guests, Moderating discussion, Clock clock) {
        this.facilitation = facilitation;
        this.guests = guests;
        this.discussion = discussion;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${incrowd.guests.check-ms:5000}", initialDelayString = "${incrowd.guests.check-ms:5000}")
    void startDueSessions() {
        facilitation.startDueGuestSessions();
    }

    /** Runs inside the posting transaction, so the mark is there the first time anyone sees the post. */
    @EventListener
    void on(DiscussionEvents.PostPublished event) {
        guests.liveFor(event.forumId(), event.authorId(), clock.instant())
                .ifPresent(session -> discussion.labelAsGuest(event.postId(), session.label()));
    }
}
