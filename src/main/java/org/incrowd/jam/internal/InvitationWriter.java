package org.incrowd.jam.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.jam.InvitationDraft;
import org.incrowd.jam.JamEvents;
import org.incrowd.mail.Mail;
import org.incrowd.mail.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way invitations come into being, whatever the organiser used (the form, a pasted list, a CSV file, the Jam
 * form's list): records them with a fresh link and puts their mails in the outbox, in the caller's transaction and
 * in batches. Resends and reminders give a new link the same way.
 */
@Component
public class InvitationWriter {

    /** The mail kind of the invitation and of the reminder. */
    public static final String MAIL_KIND = "jam.invitation-mail";

    private final InvitationRepository invitations;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration validity;
    private final ApplicationEventPublisher events;

    InvitationWriter(InvitationRepository invitations, Outbox outbox, Clock clock,
                     @Value("${incrowd.invitations.valid-days:30}") int validDays, ApplicationEventPublisher events) {
        this.events = events;
        this.invitations = invitations;
        this.outbox = outbox;
        this.clock = clock;
        this.validity = Duration.ofDays(validDays);
    }

    /** Checked drafts in; answers how many were new (an address invited already, and not revoked, is left alone). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int invite(long jamId, List<InvitationDraft> drafts) {
        Instant now = clock.instant();
        var tokens = new HashMap<String, String>(drafts.size() * 2);
        var rows = new ArrayList<InvitationRepository.NewRow>(drafts.size());
        var languages = new HashMap<String, String>(drafts.size() * 2);
        for (var draft : drafts) {
            var token = InvitationTokens.next();
            tokens.put(token.hash(), token.value());
            languages.put(draft.email(), draft.language());
            rows.add(new InvitationRepository.NewRow(draft.email(), draft.name(), draft.participantType(),
                    draft.country(), draft.orgUnit(), draft.jobRole(), draft.role(), draft.forumId(),
                    draft.language(), token.hash()));
        }
        var written = invitations.insert(jamId, rows, now, now.plus(validity));
        if (!written.isEmpty()) {
            events.publishEvent(new JamEvents.AudienceChanged(jamId));
        }
        outbox.sendAll(written.stream().map(row -> mail(jamId, row.id(), 1, row.email(),
                languages.get(row.email()), tokens.get(row.tokenHash()), false)).toList());
        return written.size();
    }

    /**
     * A new link for each invitation, by mail (a resend, or a reminder); the old link stops working. Each is a
     * message of its own ("invitation:<id>:<n>"), while a retry of the same transaction writes the same keys.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void sendAgain(long jamId, List<Recipient> recipients, boolean reminder) {
        Instant now = clock.instant();
        var links = new ArrayList<InvitationRepository.NewLink>(recipients.size());
        var tokens = new HashMap<Long, String>(recipients.size() * 2);
        for (var recipient : recipients) {
            var token = InvitationTokens.next();
            tokens.put(recipient.id(), token.value());
            links.add(new InvitationRepository.NewLink(recipient.id(), token.hash()));
        }
        invitations.newLinks(links, now, now.plus(validity), reminder);
        Map<Long, Integer> sends = invitations.sends(tokens.keySet());
        outbox.sendAll(recipients.stream().map(r -> mail(jamId, r.id(), sends.get(r.id()), r.email(), r.language(),
                tokens.get(r.id()), reminder)).toList());
    }

    /** Who gets an invitation mail again. */
    public record Recipient(long id, String email, String language) {
    }

    private static Mail mail(long jamId, long id, int send, String email, String language, String token,
                             boolean reminder) {
        return new Mail("invitation:" + id + ":" + send, MAIL_KIND, email, null, language,
                Map.of("jamId", Long.toString(jamId), "invitationId", Long.toString(id), "token", token,
                        "reminder", Boolean.toString(reminder)));
    }
}
