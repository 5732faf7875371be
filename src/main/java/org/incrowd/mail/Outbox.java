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

    /** Records the mail; one whose key is already in the outbox is ignored. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(Mail mail) {
        rows.insert(List.of(mail));
        wakeSenderAfterCommit();
    }

    /** Records many mails at once (an invitation list, a Jam's members), in batches. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void sendAll(Collection<Mail> mails) {
        rows.insert(mails);
        wakeSenderAfterCommit();
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
