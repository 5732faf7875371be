package org.incrowd.notify.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.incrowd.mail.Mail;
import org.incrowd.mail.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a day ({@code incrowd.notify.digest-hour}, in {@code incrowd.notify.digest-zone}), each person with
 * notifications gathered for the digest gets ONE mail of them; nobody with nothing to tell gets a mail. Built from
 * the stored notifications, never by scanning posts. Each person's digest is its own transaction: the rows it takes
 * and its outbox mail commit together, and a second node running at the same hour finds nothing left to take.
 */
@Component
public class DailyDigest {

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final Clock clock;

    DailyDigest(JdbcTemplate jdbc, TransactionTemplate transactions, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(cron = "0 0 ${incrowd.notify.digest-hour:7} * * *", zone = "${incrowd.notify.digest-zone:UTC}")
    void daily() {
        int sent = sendNow();
        log.info("Daily digest: {} mails", sent);
    }

    /** Sends every digest due now (the schedule calls it; tests and operators may too). Returns how many. */
    public int sendNow() {
        int sent = 0;
        for (long personId : jdbc.queryForList("select distinct person_id from notification where digest_pending = true",
                Long.class)) {
            if (Boolean.TRUE.equals(transactions.execute(status -> digest(personId)))) {
                sent++;
            }
        }
        return sent;
    }

    private boolean digest(long personId) {
        var recipient = jdbc.query("select p.email, p.language from person p where p.id = ? and " + Inbox.MAILABLE,
                (rs, row) -> new String[] {rs.getString(1), rs.getString(2)}, personId).stream().findFirst();
        var now = Timestamp.from(clock.instant());
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement(
                    "insert into notification_digest (person_id, created_at) values (?, ?)", new String[] {"id"});
            insert.setLong(1, personId);
            insert.setTimestamp(2, now);
            return insert;
        }, keys);
        long digestId = keys.getKey().longValue();
        int taken = jdbc.update("update notification set digest_pending = false, digest_id = ? "
                + "where person_id = ? and digest_pending = true", digestId, personId);
        if (taken == 0 || recipient.isEmpty()) { // another node took them, or the address may not be mailed
            jdbc.update("update notification set digest_id = null where digest_id = ?", digestId);
            jdbc.update("delete from notification_digest where id = ?", digestId);
            return false;
        }
        outbox.send(new Mail("notify-digest:" + digestId, NotificationMails.DIGEST_MAIL, recipient.get()[0], personId,
                recipient.get()[1], Map.of("digest", Long.toString(digestId))));
        return true;
    }
}
