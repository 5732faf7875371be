package org.incrowd.notify.internal;

import java.util.List;
import java.util.Map;
import org.incrowd.discussion.Reading;
import org.incrowd.identity.IdentityService;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.incrowd.notify.NotificationKind;
import org.incrowd.notify.NotificationParams;
import org.incrowd.privacy.RevealEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The author of a revealed post is told (ADR 43): which post, that two administrators approved it, and why. No one
 * else is told, and the notice names no one: the author learns what was done, the administrators stay on record in
 * the audit trail.
 */
@Component
class RevealTriggers {

    private final Inbox inbox;
    private final IdentityService identity;
    private final Reading reading;
    private final JamService jams;

    RevealTriggers(Inbox inbox, IdentityService identity, Reading reading, JamService jams) {
        this.inbox = inbox;
        this.identity = identity;
        this.reading = reading;
        this.jams = jams;
    }

    /** In the approval's transaction: the author is told with it, or the reveal does not happen. */
    @EventListener
    void on(RevealEvents.AuthorRevealed event) {
        var author = identity.require(event.authorId());
        var post = reading.find(author.asActor(), List.of(event.postId())).stream().findFirst();
        String title = post.map(p -> p.title() != null && !p.title().isBlank() ? p.title() : p.threadTitle())
                .orElse(null);
        Jam jam = jams.findAll(List.of(event.jamId())).get(event.jamId());
        String link = post.map(p -> "/threads/" + p.threadId() + "#post-" + p.id()).orElse("/notifications");
        inbox.deliver(NotificationKind.POST_REVEALED, List.of(event.authorId()), event.jamId(), link, Map.of(
                NotificationParams.TITLE, Excerpts.of(title, Excerpts.TITLE),
                NotificationParams.JAM, jam == null ? "" : jam.title(),
                NotificationParams.REASON, Excerpts.of(event.reason(), org.incrowd.privacy.Reveals.MAX_REASON)));
    }
}
