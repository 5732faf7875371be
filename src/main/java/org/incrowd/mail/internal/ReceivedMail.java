package org.incrowd.mail.internal;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A message the embedded SMTP server received, as the administrators' page shows it: {@code number} is its position
 * in arrival order (1 for the first), which stays its address while the server runs.
 */
public record ReceivedMail(int number, String to, String subject, Instant sentAt, String text, String html) {

    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("https?://[^\\s<>\"]+");

    /** A piece of the plain text: a link is made clickable, the rest shown as it is (both escaped by the page). */
    public record Piece(String text, boolean link) {
    }

    /** The plain-text part in pieces, so that its links can be followed (a verification link, in the demo). */
    public java.util.List<Piece> textPieces() {
        var pieces = new java.util.ArrayList<Piece>();
        if (text == null) {
            return pieces;
        }
        var matcher = LINK.matcher(text);
        int at = 0;
        while (matcher.find()) {
            pieces.add(new Piece(text.substring(at, matcher.start()), false));
            pieces.add(new Piece(matcher.group(), true));
            at = matcher.end();
        }
        pieces.add(new Piece(text.substring(at), false));
        return pieces;
    }

    static ReceivedMail of(int number, MimeMessage message) {
        try {
            Address[] recipients = message.getAllRecipients();
            return new ReceivedMail(number,
                    recipients == null ? "" : Arrays.stream(recipients).map(Address::toString)
                            .collect(Collectors.joining(", ")),
                    message.getSubject() == null ? "" : message.getSubject(),
                    message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                    part(message.getContent(), message.isMimeType("text/plain"), "text/plain"),
                    part(message.getContent(), message.isMimeType("text/html"), "text/html"));
        } catch (MessagingException | IOException unreadable) {
            return new ReceivedMail(number, "", "(" + unreadable.getMessage() + ")", null, "", null);
        }
    }

    private static String part(Object content, boolean whole, String type) throws MessagingException, IOException {
        if (content instanceof String body) {
            return whole ? body : null;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String found = part(part.getContent(), part.isMimeType(type), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
