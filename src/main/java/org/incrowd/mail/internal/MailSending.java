package org.incrowd.mail.internal;

import jakarta.mail.MessagingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.incrowd.mail.ComposedMail;
import org.incrowd.mail.Mail;
import org.incrowd.mail.MailComposer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * First version of the background sender: takes due messages from the outbox, composes and hands them to SMTP.
 * (Retries with back-off, several nodes, the embedded server and the administrators' pages come next.)
 */
@Component
class MailSending {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, MailComposer> composers;
    private final JavaMailSenderImpl smtp = new JavaMailSenderImpl();
    private final String from;

    MailSending(JdbcTemplate jdbc, Clock clock, List<MailComposer> composers,
                @Value("${incrowd.mail.host:}") String host, @Value("${incrowd.mail.port:25}") int port,
                @Value("${incrowd.mail.from:Incrowd <incrowd@localhost>}") String from) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.composers = composers.stream().collect(Collectors.toMap(MailComposer::kind, Function.identity()));
        this.smtp.setHost(host);
        this.smtp.setPort(port);
        var properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        this.smtp.setJavaMailProperties(properties);
        this.from = from;
    }

    @Scheduled(fixedDelayString = "${incrowd.mail.poll-ms:250}")
    void sendDue() {
        if (smtp.getHost() == null || smtp.getHost().isBlank()) {
            return;
        }
        var due = jdbc.query("""
                select id, mail_key, kind, recipient, person_id, language, params from mail_outbox
                where state = 'waiting' and next_attempt_at <= ? order by id fetch first 100 rows only""",
                (rs, i) -> new Due(rs.getLong("id"), new Mail(rs.getString("mail_key"), rs.getString("kind"),
                        rs.getString("recipient"), (Long) rs.getObject("person_id"), rs.getString("language"),
                        OutboxRows.params(rs.getString("params")))),
                Timestamp.from(clock.instant()));
        for (Due mail : due) {
            send(mail);
        }
    }

    private void send(Due due) {
        try {
            ComposedMail composed = composers.get(due.mail().kind()).compose(due.mail());
            var message = smtp.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(due.mail().to());
            helper.setSubject(composed.subject());
            helper.setText(composed.text(), composed.html());
            if (composed.unsubscribeUrl() != null) {
                message.setHeader("List-Unsubscribe", "<" + composed.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            smtp.send(message);
            jdbc.update("update mail_outbox set state = 'sent', sent_at = ?, attempts = attempts + 1 where id = ?",
                    Timestamp.from(clock.instant()), due.id());
        } catch (MessagingException | RuntimeException failed) {
            jdbc.update("update mail_outbox set attempts = attempts + 1, last_error = ?, next_attempt_at = ? where id = ?",
                    String.valueOf(failed.getMessage()).substring(0, Math.min(500, String.valueOf(failed.getMessage()).length())),
                    Timestamp.from(clock.instant().plusSeconds(30)), due.id());
        }
    }

    private record Due(long id, Mail mail) {
    }
}
