package org.incrowd.live.internal;

import static org.incrowd.shared.LiveEventType.*;

import java.time.Clock;
import org.incrowd.discussion.DiscussionEvents;
import org.incrowd.facilitation.FacilitationEvents;
import org.incrowd.insight.OpinionMapsRecomputed;
import org.incrowd.jam.JamEvents;
import org.incrowd.notify.NotificationsDelivered;
import org.incrowd.review.ReviewEvents;
import org.incrowd.shared.LiveEventType;
import org.incrowd.insight.ThemesRecomputed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the other modules' events into the event log. The listeners run synchronously inside the transaction that
 * published the event, so a change and its live event commit or roll back together; the wake-up goes out only after
 * the commit, never inside a user's transaction.
 */
@Component
class LiveRecorder {

    /** Up to this many recipients get an event each; more share one event for the whole Jam. */
    static final int PERSONAL_NOTIFICATION_EVENTS = 50;

    private final LiveLog log;
    private final WakeUps wakeUps;
    private final Clock clock;
    private final Tallies tallies;

    LiveRecorder(LiveLog log, WakeUps wakeUps, Clock clock, Tallies tallies) {
        this.log = log;
        this.wakeUps = wakeUps;
        this.clock = clock;
        this.tallies = tallies;
    }

    /** A reply also changes its idea's reply count, which forum lists put in place from the tally. */
    @EventListener
    void on(DiscussionEvents.PostPublished event) {
        record(event.jamId(), event.forumId(), event.threadId(), POST,
                "{\"post\":" + event.postId() + ",\"thread\":" + event.threadId() + ",\"parent\":" + event.parentId()
                        + ",\"forum\":" + event.forumId() + "}");
        if (event.parentId() != null) {
            afterCommit(() -> tallies.changed(event.jamId(), event.forumId(), event.threadId(), event.threadId()));
        }
    }

    @EventListener
    void on(DiscussionEvents.PostEdited event) {
        record(event.jamId(), event.forumId(), event.threadId(), POST_EDITED,
                "{\"post\":" + event.postId() + ",\"thread\":" + event.threadId() + "}");
    }

    /** Reactions come in bursts: they are coalesced into one tally event per thread and second. */
    @EventListener
    void on(DiscussionEvents.ReactionCast event) {
        afterCommit(() -> tallies.changed(event.jamId(), event.forumId(), event.threadId(), event.postId()));
    }

    @EventListener
    void on(DiscussionEvents.ReactionWithdrawn event) {
        afterCommit(() -> tallies.changed(event.jamId(), event.forumId(), event.threadId(), event.postId()));
    }

    /** Helpful marks are counts under the post too, and reach open pages the same way. */
    @EventListener
    void on(DiscussionEvents.MarkedHelpful event) {
        afterCommit(() -> tallies.changed(event.jamId(), event.forumId(), event.threadId(), event.postId()));
    }

    @EventListener
    void on(DiscussionEvents.HelpfulUnmarked event) {
        afterCommit(() -> tallies.changed(event.jamId(), event.forumId(), event.threadId(), event.postId()));
    }

    /** A join moved an idea's reactions (ideas are their own threads): both tallies change. */
    @EventListener
    void on(DiscussionEvents.ReactionsMoved event) {
        afterCommit(() -> {
            tallies.changed(event.jamId(), event.fromForumId(), event.fromPostId(), event.fromPostId());
            tallies.changed(event.jamId(), event.toForumId(), event.toPostId(), event.toPostId());
        });
    }

    @EventListener
    void on(DiscussionEvents.ConversationImported event) {
        record(event.jamId(), event.forumId(), null, IMPORT, "{\"forum\":" + event.forumId() + "}");
    }

    @EventListener
    void on(OpinionMapsRecomputed event) {
        record(event.jamId(), null, null, OPINIONS, "{\"computedAt\":\"" + event.computedAt() + "\"}");
    }

    @EventListener
    void on(DiscussionEvents.PostHidden event) {
        moderated(event.jamId(), event.forumId(), event.threadId(), event.postId());
    }

    @EventListener
    void on(DiscussionEvents.PostRestored event) {
        moderated(event.jamId(), event.forumId(), event.threadId(), event.postId());
    }

    @EventListener
    void on(DiscussionEvents.PostFeatured event) {
        moderated(event.jamId(), event.forumId(), event.threadId(), event.postId());
    }

    /** Hidden, restored, pinned or spotlit: pages showing the post fetch it again. */
    private void moderated(long jamId, long forumId, long threadId, long postId) {
        record(jamId, forumId, threadId, MODERATED, "{\"post\":" + postId + ",\"thread\":" + threadId + "}");
    }

    /** Both forums' pages change: one loses the thread, the other gains it. */
    @EventListener
    void on(DiscussionEvents.ThreadMoved event) {
        String payload = "{\"thread\":" + event.threadId() + ",\"from\":" + event.fromForumId() + ",\"to\":"
                + event.toForumId() + "}";
        record(event.jamId(), event.fromForumId(), null, MOVED, payload);
        record(event.jamId(), event.toForumId(), null, MOVED, payload);
    }

    @EventListener
    void on(FacilitationEvents.AnnouncementMade event) {
        record(event.jamId(), event.forumId(), null, ANNOUNCEMENT, "{\"announcement\":" + event.announcementId() + "}");
    }

    @EventListener
    void on(FacilitationEvents.AnnouncementChanged event) {
        record(event.jamId(), event.forumId(), null, ANNOUNCEMENT, "{\"announcement\":" + event.announcementId() + "}");
    }

    @EventListener
    void on(FacilitationEvents.PostFlagged event) {
        // The post is not named: readers of the forum learn only that the queue changed.
        record(event.jamId(), event.forumId(), null, FLAG, "{}");
    }

    @EventListener
    void on(FacilitationEvents.GuestSessionStarted event) {
        record(event.jamId(), event.forumId(), null, GUEST, "{\"session\":" + event.sessionId() + "}");
    }

    /** The removed person's open pages, on every node, learn it at once; nobody else hears of it. */
    @EventListener
    void on(JamEvents.MemberRemoved event) {
        record(event.jamId(), null, null, REMOVED, Subscriber.personalPayload(event.personId()));
    }

    /**
     * Bells refresh live: one event per recipient, or a single Jam-wide one for a fan-out (150,000 rows in the log
     * would cost more than 150,000 bells asking for their count, which most of them, closed, never do).
     */
    @EventListener
    void on(NotificationsDelivered event) {
        if (event.jamId() == null) {
            return; // not about a Jam: the bell shows it on the next page
        }
        if (event.wholeJam() || event.recipients().size() > PERSONAL_NOTIFICATION_EVENTS) {
            record(event.jamId(), null, null, NOTIFICATION, Subscriber.EVERY_MEMBER);
        } else {
            event.recipients().forEach(person ->
                    record(event.jamId(), null, null, NOTIFICATION, Subscriber.personalPayload(person)));
        }
    }

    @EventListener
    void on(ThemesRecomputed event) {
        record(event.jamId(), null, null, THEMES, "{\"computedAt\":\"" + event.computedAt() + "\"}");
    }

    /** A few decided ideas refresh their own threads; a bulk decision refreshes the Jam's pages once. */
    @EventListener
    void on(ReviewEvents.IdeasDecided event) {
        if (event.ideas().size() > PERSONAL_NOTIFICATION_EVENTS) {
            record(event.jamId(), null, null, REVIEWED, "{\"what\":\"decision\"}");
        } else {
            event.ideas().forEach(idea -> record(event.jamId(), idea.forumId(), idea.ideaId(), REVIEWED,
                    "{\"thread\":" + idea.ideaId() + ",\"what\":\"decision\"}"));
        }
    }

    @EventListener
    void on(ReviewEvents.LoopChanged event) {
        var what = "\"what\":\"" + event.what().replaceAll("[^a-z-]", "") + "\"";
        record(event.jamId(), event.forumId(), event.threadId(), REVIEWED,
                event.threadId() == null ? "{" + what + "}" : "{\"thread\":" + event.threadId() + "," + what + "}");
    }

    private void record(long jamId, Long forumId, Long threadId, LiveEventType type, String payload) {
        log.append(jamId, forumId, threadId, type, payload, clock.instant());
        afterCommit(wakeUps::committed);
    }

    /** Runs {@code action} once the current transaction has committed (at once outside a transaction). */
    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
