package org.incrowd.mail;

import java.util.Collection;
import java.util.List;
import org.incrowd.mail.internal.OutboxRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where modules put the mail a change causes, in the same transaction as the change: if the change rolls back, no
 * mail goes; if it commits, the mail is sent later by the background sender, however long the SMTP server is away.
 */
@Service
public class Outbox {

    private final OutboxRows rows;

    Outbox(OutboxRows rows) {
        this.rows = rows;
    }

    /** Records the mail; one whose key is already in the outbox is ignored. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(Mail mail) {
        rows.insert(List.of(mail));
    }

    /** Records many mails at once (an invitation list, a Jam's members), in batches. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void sendAll(Collection<Mail> mails) {
        rows.insert(mails);
    }
}
