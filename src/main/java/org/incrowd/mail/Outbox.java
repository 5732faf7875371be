package org.incrowd.mail;

import java.util.Collection;
import java.util.List;
import org.incrowd.mail.internal.MailSender;
import org.incrowd.mail.internal.OutboxRows;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where modules put the mail a change causes, in the same transaction as the change: if the change rolls back, no
 * mail goes; if it commits, the mail is sent later by the background sender, however long the SMTP server is away.
 */
@Service
public class Outbox {

    private final OutboxRows rows;
    private final MailSender sender;

    Outbox(OutboxRows rows, @Lazy MailSender sender) {
        this.rows = rows;
        this.sender = sender;
    }

    /** Records the mail; one whose key is already in the outbox, or that no server could deliver, is ignored. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(Mail mail) {
        sendAll(List.of(mail));
    }

    /** Records many mails at once (an invitation list, a Jam's members), in batches. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void sendAll(Collection<Mail> mails) {
        var deliverable = mails.stream().filter(mail -> deliverable(mail.to())).toList();
        if (!deliverable.isEmpty()) {
            rows.insert(deliverable);
            wakeSenderAfterCommit();
        }
    }

    /**
     * People without a mailbox (kiosk-only people, people of an imported conversation) have an address under the
     * top-level domain {@code .invalid}, which RFC 2606 reserves so that it never resolves: mail to it would only
     * wait in the outbox, be retried for hours and end as a failure on the administrators' mail page.
     */
    static boolean deliverable(String address) {
        return !address.strip().toLowerCase(java.util.Locale.ROOT).endsWith(".invalid");
    }

    /** The sender polls anyway; waking it after the commit only saves the wait (once per transaction). */
    private void wakeSenderAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this);
                    if (status == STATUS_COMMITTED) {
                        sender.wake();
                    }
                }
            });
        }
    }
}
