package org.incrowd.jam.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import org.incrowd.identity.IdentityService;
import org.incrowd.jam.Invitation;
import org.incrowd.jam.Jam;
import org.incrowd.mail.ComposedMail;
import org.incrowd.mail.Mail;
import org.incrowd.mail.MailComposer;
import org.incrowd.mail.MailTemplates;
import org.incrowd.mail.MailWords;
import org.incrowd.shared.PublicUrl;
import org.springframework.stereotype.Component;

/**
 * "You are invited to <Jam>" and its reminder, written when the mail's turn comes: in the language of the account
 * the address belongs to, else the one the organiser chose, else English. The Jam's purpose is shown as text, escaped
 * like on every page.
 */
@Component
class InvitationMail implements MailComposer {

    private final JamRepository jams;
    private final InvitationRepository invitations;
    private final IdentityService identity;
    private final MailTemplates templates;
    private final PublicUrl publicUrl;

    InvitationMail(JamRepository jams, InvitationRepository invitations, IdentityService identity,
                   MailTemplates templates, PublicUrl publicUrl) {
        this.jams = jams;
        this.invitations = invitations;
        this.identity = identity;
        this.templates = templates;
        this.publicUrl = publicUrl;
    }

    @Override
    public String kind() {
        return InvitationWriter.MAIL_KIND;
    }

    @Override
    public ComposedMail compose(Mail mail) {
        Jam jam = jams.find(Long.parseLong(mail.param("jamId"))).orElseThrow();
        Invitation invitation = invitations.find(Long.parseLong(mail.param("invitationId")), Instant.EPOCH)
                .orElseThrow();
        String language = identity.findByEmail(mail.to()).map(person -> person.language())
                .filter(tag -> tag != null && !tag.isBlank()).orElse(mail.language());
        MailWords words = templates.words(language);
        boolean reminder = Boolean.parseBoolean(mail.param("reminder"));
        var model = new HashMap<String, Object>();
        model.put("jam", jam);
        model.put("name", invitation.name());
        model.put("reminder", reminder);
        model.put("role", words.t(invitation.role().messageKey()));
        model.put("forum", invitation.forumId() == null ? null
                : jams.findForum(invitation.forumId()).map(forum -> forum.title()).orElse(null));
        model.put("schedule", jam.openEnded()
                ? words.t("jam.schedule.openEnded", when(jam.startsAt(), jam.timeZone(), words))
                : words.t("jam.schedule", when(jam.startsAt(), jam.timeZone(), words),
                        when(jam.endsAt(), jam.timeZone(), words)));
        model.put("expires", when(invitation.expiresAt(), jam.timeZone(), words));
        model.put("link", publicUrl.absolute("/invitations/" + mail.param("token")));
        String subject = words.t(reminder ? "invitation.mail.reminderSubject" : "invitation.mail.subject",
                jam.title());
        model.put("subject", subject);
        return new ComposedMail(subject, templates.html("jam/invitation", words, model),
                templates.text("jam/invitation", words, model), null);
    }

    private static String when(Instant instant, ZoneId zone, MailWords words) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(words.locale())
                .withZone(zone).format(instant) + " (" + zone.getId() + ")";
    }
}
