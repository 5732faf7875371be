package org.incrowd.discussion.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sliding-window limits per person and action ("at most 20 posts in any minute"), exact under concurrency and across
 * nodes: a use is counted and recorded while the person's {@code rate_limit} row is locked, in the caller's
 * transaction, so a refused or failed request records nothing and the next request of the same person sees every
 * use committed before it.
 */
@Repository
public class RateLimits {

    /** H2 gives up waiting for a row lock after a second; the holder is the same person's request, so wait again. */
    private static final int LOCK_ATTEMPTS = 30;

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    RateLimits(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Records one use and returns true when fewer than {@code limit} uses fall in the window before now. */
    @Transactional
    public boolean take(long personId, String action, int limit, Duration window, Instant now) {
        lock(personId, action, now);
        var since = Timestamp.from(now.minus(window));
        jdbc.sql("delete from rate_limit_use where person_id = ? and action = ? and used_at <= ?")
                .params(personId, action, since).update();
        long used = jdbc.sql("select count(*) from rate_limit_use where person_id = ? and action = ? and used_at > ?")
                .params(personId, action, since).query(Long.class).single();
        if (used >= limit) {
            return false;
        }
        jdbc.sql("insert into rate_limit_use (person_id, action, used_at) values (?, ?, ?)")
                .params(personId, action, Timestamp.from(now)).update();
        return true;
    }

    /**
     * Locks the person's row, creating it on first use. Two first uses at once both try to create it: the second
     * insert fails inside its savepoint (PostgreSQL's transaction stays usable) and the update then finds the row.
     */
    private void lock(long personId, String action, Instant now) {
        var at = Timestamp.from(now);
        for (int attempt = 1; ; attempt++) {
            try {
                if (jdbc.sql("update rate_limit set last_at = ? where person_id = ? and action = ?")
                        .params(at, personId, action).update() == 1) {
                    return;
                }
                savepoint.executeWithoutResult(status -> jdbc.sql(
                                "insert into rate_limit (person_id, action, last_at) values (?, ?, ?)")
                        .params(personId, action, at).update());
                return;
            } catch (PessimisticLockingFailureException | DuplicateKeyException busy) {
                if (attempt == LOCK_ATTEMPTS) {
                    throw busy;
                }
            }
        }
    }
}
