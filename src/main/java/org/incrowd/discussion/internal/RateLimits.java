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
 * nodes: the person's {@code rate_limit} row holds the times of their uses still inside the window ({@link UseTimes})
 * and is read locked ({@code for update}), in the caller's transaction, so a refused or failed request records
 * nothing and the next request of the same person waits for it and sees every use committed before it. Two
 * statements per counted request: the locking read and the write.
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
        if (window.compareTo(UseTimes.LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException("a rate limit's window must be shorter than " + UseTimes.LONGEST_WINDOW);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                var stored = lockedUses(personId, action);
                if (stored == null) {
                    return limit > 0 && firstUse(personId, action, now);
                }
                var inWindow = stored.after(now.minus(window));
                if (inWindow.count() >= limit) {
                    return false;
                }
                jdbc.sql("update rate_limit set uses = ?, last_at = ? where person_id = ? and action = ?")
                        .params(inWindow.and(now).encode(), Timestamp.from(now), personId, action).update();
                return true;
            } catch (PessimisticLockingFailureException | DuplicateKeyException busy) {
                if (attempt == LOCK_ATTEMPTS) {
                    throw busy;
                }
            }
        }
    }

    /** The person's uses, their row locked until the transaction ends; null when they have no row yet. */
    private UseTimes lockedUses(long personId, String action) {
        return jdbc.sql("select uses from rate_limit where person_id = ? and action = ? for update")
                .params(personId, action)
                .query((rs, n) -> UseTimes.decode(rs.getBytes(1))).optional().orElse(null);
    }

    /**
     * Creates the person's row with this one use. Two first uses at once both try: the second insert fails inside its
     * savepoint (PostgreSQL's transaction stays usable) and the caller reads again, waiting for the first one's row.
     */
    private boolean firstUse(long personId, String action, Instant now) {
        savepoint.executeWithoutResult(status -> jdbc.sql(
                        "insert into rate_limit (person_id, action, last_at, uses) values (?, ?, ?, ?)")
                .params(personId, action, Timestamp.from(now), UseTimes.NONE.and(now).encode()).update());
        return true;
    }
}
