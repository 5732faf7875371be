package org.incrowd.notify.internal;

import java.util.List;
import java.util.Map;
import org.incrowd.mail.ComposedMail;
import org.incrowd.mail.Mail;
import org.incrowd.mail.MailComposer;
import org.incrowd.mail.MailTemplates;
import org.incrowd.mail.MailWords;
import org.incrowd.notify.NotificationKind;
import org.incrowd.notify.NotificationParams;
import org.incrowd.shared.ControlCharacters;
import org.incrowd.shared.PublicUrl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The two mails of this module, written in the recipient's language from the same messages as the pages: one
 * notification at once ({@code notify.at-once}), and the daily digest ({@code notify.digest}) of what was gathered
 * for it. Both link to the page concerned, to the preferences page, and carry a one-click unsubscribe link.
 */
@Configuration
class NotificationMails {

    static final String DIGEST_MAIL = "notify.daily-digest";

    @Bean
    MailComposer atOnceMail(MailTemplates templates, PublicUrl publicUrl, UnsubscribeLinks unsubscribe) {
        return new MailComposer() {
            @Override
            public String kind() {
                return Inbox.AT_ONCE_MAIL;
            }

            @Override
            public ComposedMail compose(Mail mail) {
                var kind = NotificationKind.valueOf(mail.param("kind"));
                MailWords words = templates.words(mail.language());
                String text = words.t(Notification.textKey(kind),
                        NotificationParams.arguments(Inbox.params(mail.param("params"))));
                String unsubscribeUrl = unsubscribe.forKind(mail.personId(), kind);
                Map<String, Object> model = Map.of("line", new NotificationLine(text, publicUrl.absolute(mail.param("link"))),
                        "preferencesUrl", publicUrl.absolute(NotificationsController.PREFERENCES),
                        "unsubscribeUrl", unsubscribeUrl);
                return new ComposedMail(subject(text), templates.html("notify/at-once", words, model),
                        templates.text("notify/at-once", words, model), unsubscribeUrl);
            }
        };
    }

    @Bean
    MailComposer digestMail(MailTemplates templates, PublicUrl publicUrl, UnsubscribeLinks unsubscribe,
                            JdbcTemplate jdbc) {
        return new MailComposer() {
            @Override
            public String kind() {
                return DIGEST_MAIL;
            }

            @Override
            public ComposedMail compose(Mail mail) {
                MailWords words = templates.words(mail.language());
                List<NotificationLine> lines = jdbc.query("select id, kind, link, params, created_at, read_at from notification "
                                + "where digest_id = ? order by id", Inbox::notification,
                        Long.parseLong(mail.param("digest"))).stream()
                        .map(n -> new NotificationLine(words.t(n.textKey(), n.textArguments()), publicUrl.absolute(n.link())))
                        .toList();
                String unsubscribeUrl = unsubscribe.forDigest(mail.personId());
                Map<String, Object> model = Map.of("lines", lines,
                        "preferencesUrl", publicUrl.absolute(NotificationsController.PREFERENCES),
                        "unsubscribeUrl", unsubscribeUrl);
                return new ComposedMail(words.t("notify.digest.subject", lines.size()),
                        templates.html("notify/digest", words, model), templates.text("notify/digest", words, model),
                        unsubscribeUrl);
            }
        };
    }

    /** A subject is one line: whatever a person wrote into the text cannot start a header of its own. */
    private static String subject(String text) {
        String line = ControlCharacters.remove(text.replaceAll("\\s+", " ")).strip();
        return line.length() <= 150 ? line : line.substring(0, 149) + "…";
    }
}
