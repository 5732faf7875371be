package org.incrowd.mail;

/**
 * A message ready for SMTP.
 *
 * @param unsubscribeUrl where one click (RFC 8058 {@code List-Unsubscribe-Post}) stops this kind of mail, or null for
 *                       mail a person asked for themselves (a verification link, a password reset)
 */
public record ComposedMail(String subject, String html, String text, String unsubscribeUrl) {
}
