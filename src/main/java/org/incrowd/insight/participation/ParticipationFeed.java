package org.incrowd.insight.participation;

import org.incrowd.discussion.DiscussionEvents;
import org.incrowd.identity.PersonRegistered;
import org.incrowd.identity.ProfileFactsChanged;
import org.incrowd.jam.JamEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What keeps the participation figures current: the events of the modules whose rows they count, each handled in
 * the publisher's transaction (not after commit), so the figures commit or roll back with the change itself. A
 * change of one person is gathered and made at the end of that transaction, with the transaction's other changes
 * ({@link PendingChanges}); a change of many at once rebuilds the Jam.
 */
@Component
class ParticipationFeed {

    private static final Logger log = LoggerFactory.getLogger(ParticipationFeed.class);

    private final ParticipationModel model;

    ParticipationFeed(ParticipationModel model) {
        this.model = model;
    }

    @EventListener
    void on(DiscussionEvents.PostPublished event) {
        model.activity(event.jamId(), event.authorId());
    }

    @EventListener
    void on(DiscussionEvents.ReactionCast event) {
        if (event.first()) {
            model.reacted(event.jamId(), event.personId(), event.forumId(), event.at());
        } else {
            model.activity(event.jamId(), event.personId());
        }
    }

    @EventListener
    void on(DiscussionEvents.ReactionWithdrawn event) {
        model.activity(event.jamId(), event.personId());
    }

    /** The idea becomes the claimant's: it counts as their post, no longer as the colleague's who entered it. */
    @EventListener
    void on(DiscussionEvents.ProxyIdeaClaimed event) {
        model.activity(event.jamId(), event.enteredById());
        model.activity(event.jamId(), event.claimantId());
    }

    @EventListener
    void on(DiscussionEvents.ThreadMoved event) {
        model.rebuildAfterCommit(event.jamId());
    }

    @EventListener
    void on(DiscussionEvents.ReactionsMoved event) {
        model.rebuildAfterCommit(event.jamId());
    }

    @EventListener
    void on(DiscussionEvents.ConversationImported event) {
        model.rebuildAfterCommit(event.jamId());
    }

    @EventListener
    void on(JamEvents.JamCreated event) {
        model.added(event.jamId());
    }

    /** An edit may change the start (the timeline's origin) or the audience. */
    @EventListener
    void on(JamEvents.JamScheduleChanged event) {
        model.rebuildAfterCommit(event.jamId());
    }

    @EventListener
    void on(JamEvents.AudienceChanged event) {
        model.rebuildAfterCommit(event.jamId());
    }

    @EventListener
    void on(JamEvents.MemberJoined event) {
        model.refresh(event.jamId(), event.personId());
    }

    @EventListener
    void on(JamEvents.MemberRemoved event) {
        model.refresh(event.jamId(), event.personId());
    }

    @EventListener
    void on(PersonRegistered event) {
        model.refreshEverywhere(event.personId());
    }

    @EventListener
    void on(ProfileFactsChanged event) {
        model.refreshEverywhere(event.personId());
    }

    /** Jams older than the model (and any whose build was cut short) are built in the background at start. */
    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        Thread.ofVirtual().name("participation-catch-up").start(() -> {
            try {
                model.catchUp();
            } catch (RuntimeException e) {
                log.warn("Catching up with participation figures failed; each page builds its own on first view", e);
            }
        });
    }
}
