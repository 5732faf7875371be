package org.incrowd.mail.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Hands messages to one SMTP server, many per connection (connecting costs more than a message): a connection per
 * call of {@link #deliver}, closed at its end. Answers are sorted into {@link Outcome}s: a 5xx to the recipient is a
 * bounce, a 5xx to the message a failure, everything else (no connection, 4xx, a dropped line) is tried again later.
 */
class SmtpDelivery {

    /** Jakarta Mail's settings share the "mail." prefix with Incrowd's message keys; built apart so neither is mistaken for the other. */
    private static final String SMTP = String.join(".", "mail", "smtp", "");


    static {
        // Jakarta Mail looks up its stream provider for every part of every message it writes or reads, through a
        // ServiceLoader that searches every jar on the class path each time: a quarter of the sender's time. Named
        // here, it is found by its class name instead. (The embedded server, in the same JVM, gains as well.)
        String provider = "jakarta.mail.util.StreamProvider";
        if (System.getProperty(provider) == null) {
            System.setProperty(provider, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final Session session;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    SmtpDelivery(MailSettings settings, String host, int port) {
        this.host = host;
        this.port = port;
        this.user = settings.user().isBlank() ? null : settings.user();
        this.password = settings.password().isBlank() ? null : settings.password();
        var properties = new Properties();
        String timeout = String.valueOf(settings.timeout().toMillis());
        properties.put(SMTP + "connectiontimeout", timeout);
        properties.put(SMTP + "timeout", timeout);
        properties.put(SMTP + "writetimeout", timeout);
        properties.put(SMTP + "quitwait", "false");
        properties.put(SMTP + "auth", String.valueOf(user != null));
        boolean embedded = !settings.external();
        properties.put(SMTP + "starttls.enable", String.valueOf(!embedded && settings.tls() != MailSettings.Tls.OFF));
        properties.put(SMTP + "starttls.required", String.valueOf(!embedded && settings.tls() == MailSettings.Tls.REQUIRED));
        this.session = Session.getInstance(properties);
    }

    /** A message to fill in, with this server's session. */
    MimeMessage newMessage(String messageId) {
        return new KeyedMessage(session, messageId);
    }

    /**
     * Sends {@code messages} in order over one connection; a message whose turn comes after {@code giveBackAt} is not
     * sent (the claim on it is running out) but tried again later. Returns one outcome per message, in order.
     */
    List<Outcome> deliver(List<MimeMessage> messages, Instant giveBackAt) {
        var outcomes = new ArrayList<Outcome>(messages.size());
        Transport transport = null;
        String unreachable = null;
        try {
            for (MimeMessage message : messages) {
                if (unreachable != null) {
                    // One failed connection speaks for the rest: no waiting out a timeout per message.
                    outcomes.add(new Outcome.TryAgain(unreachable));
                    continue;
                }
                if (Instant.now().isAfter(giveBackAt)) {
                    outcomes.add(new Outcome.TryAgain("not sent before this node's claim ran out"));
                    continue;
                }
                if (transport == null || !transport.isConnected()) {
                    close(transport);
                    try {
                        transport = connect();
                    } catch (MessagingException failed) {
                        unreachable = "SMTP server " + host + ":" + port + " not reachable: " + describe(failed);
                        outcomes.add(new Outcome.TryAgain(unreachable));
                        continue;
                    }
                }
                Outcome outcome = send(transport, message);
                if (!(outcome instanceof Outcome.Sent)) {
                    // The server's state after a refusal is unclear: the next message gets a fresh connection.
                    close(transport);
                    transport = null;
                }
                outcomes.add(outcome);
            }
        } finally {
            close(transport);
        }
        return outcomes;
    }

    private Transport connect() throws MessagingException {
        Transport transport = session.getTransport("smtp");
        transport.connect(host, port, user, password);
        return transport;
    }

    private static Outcome send(Transport transport, MimeMessage message) {
        try {
            transport.sendMessage(message, message.getAllRecipients());
            return Outcome.SENT;
        } catch (SendFailedException refused) {
            if (refused.getInvalidAddresses() != null && refused.getInvalidAddresses().length > 0) {
                return new Outcome.Bounced(describe(refused));
            }
            if (refused instanceof SMTPSendFailedException answer && answer.getReturnCode() >= 500) {
                return new Outcome.Failed(describe(refused));
            }
            return new Outcome.TryAgain(describe(refused));
        } catch (MessagingException | RuntimeException failed) {
            return new Outcome.TryAgain(describe(failed));
        }
    }

    /** The server's own answer where there is one (it names the reason), else the exception's message. */
    static String describe(Exception failed) {
        Exception cause = failed;
        while (cause instanceof MessagingException m && m.getNextException() != null) {
            cause = m.getNextException();
        }
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().strip();
        return text.length() > 480 ? text.substring(0, 480) : text;
    }

    private static void close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // closing a connection that already broke: nothing to keep
            }
        }
    }

    /** A message whose Message-ID is the one derived from its key, not a random one made at send time. */
    private static final class KeyedMessage extends MimeMessage {
        private final String messageId;

        KeyedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
