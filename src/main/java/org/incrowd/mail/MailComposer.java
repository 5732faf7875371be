package org.incrowd.mail;

/**
 * Writes one kind of mail. The module that causes the mail registers a composer as a bean; the sender finds it by
 * {@link #kind()} when the message's turn comes.
 */
public interface MailComposer {

    /** Unique among composers, e.g. "identity.verify-address". */
    String kind();

    ComposedMail compose(Mail mail);
}
