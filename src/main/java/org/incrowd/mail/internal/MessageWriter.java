package org.incrowd.mail.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.incrowd.mail.ComposedMail;
import org.incrowd.mail.Mail;
import org.incrowd.mail.MailComposer;
import org.springframework.stereotype.Component;

/**
 * Turns an outbox row into the message SMTP carries: the composer of its kind writes subject and both parts; the
 * writer adds sender, recipient, the RFC 8058 one-click unsubscribe headers and a Message-ID derived from the key.
 */
@Component
class MessageWriter {

    private final Map<String, MailComposer> composers;
    private final InternetAddress from;

    MessageWriter(List<MailComposer> composers, MailSettings settings) throws MessagingException {
        this.composers = composers.stream().collect(Collectors.toMap(MailComposer::kind, Function.identity()));
        this.from = new InternetAddress(settings.from(), true);
    }

    /** Thrown when a message can never be written: retrying would only fail the same way. */
    static final class Unwritable extends Exception {
        Unwritable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    MimeMessage write(Mail mail, SmtpDelivery smtp) throws Unwritable {
        MailComposer composer = composers.get(mail.kind());
        if (composer == null) {
            throw new Unwritable("no composer for the kind " + mail.kind(), null);
        }
        ComposedMail composed;
        try {
            composed = composer.compose(mail);
        } catch (RuntimeException failed) {
            throw new Unwritable("the composer of " + mail.kind() + " failed: " + failed, failed);
        }
        try {
            MimeMessage message = smtp.newMessage(messageId(mail.key()));
            message.setFrom(from);
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(composed.subject(), "UTF-8");
            message.setSentDate(new java.util.Date());
            var text = new MimeBodyPart();
            text.setText(composed.text(), "UTF-8", "plain");
            var html = new MimeBodyPart();
            html.setText(composed.html(), "UTF-8", "html");
            message.setContent(new MimeMultipart("alternative", text, html));
            if (composed.unsubscribeUrl() != null) {
                message.setHeader("List-Unsubscribe", "<" + composed.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            message.saveChanges();
            return message;
        } catch (MessagingException | RuntimeException failed) {
            throw new Unwritable("cannot be written as a message: " + SmtpDelivery.describe(failed), failed);
        }
    }

    /** The same for every attempt at the same message, so a message handed over twice is recognisable as one. */
    static String messageId(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 16) + "@incrowd>";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
