package org.incrowd.mail;

/**
 * What became of a message, published in the transaction that records it (listen with
 * {@code @ApplicationModuleListener} or {@code @TransactionalEventListener}). The key is the one the sender gave
 * {@link Mail}, so a module finds its own messages (an invitation counts its bounces by its keys).
 */
public final class MailEvents {

    private MailEvents() {
    }

    /** The SMTP server accepted the message for delivery. */
    public record MailSent(String key, String kind, String recipient, Long personId) {
    }

    /** The SMTP server refused the recipient for good (a 5xx answer to RCPT): the address does not take mail. */
    public record MailBounced(String key, String kind, String recipient, Long personId) {
    }
}
