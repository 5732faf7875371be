package org.incrowd.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) started by the tests, once per JVM, on a free loopback port. Every test context
 * sends its mail here ({@link TestDatabase} points {@code incrowd.mail.host} and {@code incrowd.mail.port} at it), so
 * tests read back what a person would receive. Contexts share it: a test looks only at its own recipients' mail.
 */
public final class MailCatcher {

    private MailCatcher() {
    }

    private static final class Server {
        static final GreenMail SMTP = start();

        private static GreenMail start() {
            var smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            smtp.start();
            Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop, "mail-catcher-stop"));
            return smtp;
        }
    }

    /** The settings that send a test context's mail here. */
    static Map<String, Object> settings() {
        return Map.of("incrowd.mail.host", "127.0.0.1",
                "incrowd.mail.port", Server.SMTP.getSmtp().getPort());
    }

    /** The port it listens on (127.0.0.1), for tests that put something between a node and it. */
    public static int port() {
        return Server.SMTP.getSmtp().getPort();
    }

    /** Every message received so far for {@code address}, oldest first. */
    public static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(Server.SMTP.getReceivedMessages())
                .filter(message -> recipients(message).contains(address.toLowerCase()))
                .toList();
    }

    /** Waits (at most {@code timeout}) until {@code address} has received {@code count} messages, and returns them. */
    public static List<MimeMessage> await(String address, int count, Duration timeout) {
        Instant giveUp = Instant.now().plus(timeout);
        List<MimeMessage> received = messagesTo(address);
        while (received.size() < count && Instant.now().isBefore(giveUp)) {
            sleep();
            received = messagesTo(address);
        }
        if (received.size() < count) {
            throw new AssertionError("%s received %d mail(s) within %s, expected %d"
                    .formatted(address, received.size(), timeout, count));
        }
        return received;
    }

    /** The one message {@code address} should have received within ten seconds. */
    public static MimeMessage awaitOne(String address) {
        return await(address, 1, Duration.ofSeconds(10)).getLast();
    }

    /**
     * The newest message to {@code address} whose subject contains {@code subject}, waited for up to ten seconds. Other
     * mail may reach the same address before or after it (a notification of a reply sent by its own timer).
     */
    public static MimeMessage awaitSubject(String address, String subject) {
        Instant giveUp = Instant.now().plusSeconds(10);
        while (true) {
            var received = messagesTo(address);
            for (var message : received.reversed()) {
                try {
                    if (message.getSubject() != null && message.getSubject().contains(subject)) {
                        return message;
                    }
                } catch (jakarta.mail.MessagingException unreadable) {
                    throw new AssertionError(unreadable);
                }
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("no mail to %s with a subject containing \"%s\" within 10 s; received %d"
                        .formatted(address, subject, received.size()));
            }
            sleep();
        }
    }

    /** The first link in the plain-text part of {@code message} whose path matches {@code pathPattern}. */
    public static String link(MimeMessage message, String pathPattern) {
        var matcher = Pattern.compile("https?://\\S*?" + pathPattern + "\\S*").matcher(text(message));
        if (!matcher.find()) {
            throw new AssertionError("No link matching " + pathPattern + " in:\n" + text(message));
        }
        return matcher.group();
    }

    /** The plain-text part of a message (multipart/alternative) or its whole body. */
    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    /** The HTML part of a message. */
    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    private static String part(MimeMessage message, String type) {
        try {
            Object content = message.getContent();
            if (content instanceof String text) {
                return text;
            }
            return find((jakarta.mail.Multipart) content, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(jakarta.mail.Multipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof jakarta.mail.Multipart nested) {
                String found = find(nested, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(a -> a.toString().toLowerCase()).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
