package org.incrowd.jam.internal;

import org.incrowd.mail.MailEvents.MailBounced;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An invitation whose mail the recipient's server refused for good counts as bounced, so the organiser sees the
 * addresses to correct. Runs in the sender's transaction that records the bounce.
 */
@Component
class InvitationBounces {

    private static final String KEY_PREFIX = "invitation:";

    private final InvitationRepository invitations;

    InvitationBounces(InvitationRepository invitations) {
        this.invitations = invitations;
    }

    @EventListener
    void on(MailBounced bounced) {
        // Keys are "invitation:<id>:<send>" (InvitationWriter): a reminder's bounce counts like the first mail's.
        if (bounced.key().startsWith(KEY_PREFIX)) {
            String[] parts = bounced.key().split(":");
            invitations.bounced(Long.parseLong(parts[1]));
        }
    }
}
