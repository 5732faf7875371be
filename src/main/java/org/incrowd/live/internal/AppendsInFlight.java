package org.incrowd.live.internal;

import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.incrowd.shared.DatabaseProduct;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which appends to the event log may still commit. Log ids come from a sequence and transactions commit in any
 * order, so the dispatcher may see id 11 while id 10 is missing: taken by a transaction that has not committed yet,
 * or by one that rolled back and never will. It must wait for the first and must not wait for the second.
 *
 * <p>Every append takes a <em>ticket</em> before its event takes an id, and holds it until its transaction ends. When
 * the dispatcher first sees a hole it takes a {@link #mark()}; whoever holds a missing id took their ticket before
 * the mark. Once no ticket up to the mark is held ({@link #settled}), every transaction that could hold a missing id
 * has ended, so an id still missing in a read made after that was rolled back. No committed event is skipped,
 * however late it commits, and a rollback costs a moment instead of a fixed wait.
 *
 * <p>On PostgreSQL, where several nodes write to one log, a ticket is a number from the {@code live_ticket} sequence
 * (V21), held as a shared transaction-level advisory lock, so every node sees every node's tickets in
 * {@code pg_locks}. On H2 there is one node, and the tickets are counted in memory.
 */
@Component
class AppendsInFlight {

    /** The advisory locks' first key, so they do not meet anyone else's: "LIVE" in ASCII. */
    static final int LOCK_CLASS = 0x4C495645;
    /** Tickets wrap at the advisory lock's second key, an int; held tickets are never that far apart. */
    private static final long WRAP = Integer.MAX_VALUE;

    private final JdbcClient jdbc;
    private final WakeUps wakeUps;
    private final AtomicLong tickets = new AtomicLong();
    private final ConcurrentSkipListSet<Long> held = new ConcurrentSkipListSet<>();
    private final boolean postgres;

    AppendsInFlight(JdbcClient jdbc, DataSource dataSource, WakeUps wakeUps) {
        this.jdbc = jdbc;
        this.wakeUps = wakeUps;
        // Asked once, here: asked inside an appending transaction it would take a second connection from the pool.
        postgres = DatabaseProduct.isPostgres(dataSource);
    }

    /**
     * Called inside the appending transaction, before the event takes its id: holds a ticket until the transaction
     * ends, and then wakes the dispatcher, which may be waiting for just this transaction.
     */
    void begin() {
        if (postgres) {
            jdbc.sql("select pg_advisory_xact_lock_shared(?, cast(mod(nextval('live_ticket'), ?) as integer))")
                    .params(LOCK_CLASS, WRAP).query(rs -> {
                    });
        }
        long ticket = tickets.incrementAndGet();
        held.add(ticket);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                held.remove(ticket);
                wakeUps.wake();
            }
        });
    }

    /** Taken when a hole is first seen: every append that may hold a missing id has a ticket up to here. */
    long mark() {
        if (postgres) {
            return jdbc.sql("select last_value from live_ticket").query(Long.class).single() % WRAP;
        }
        return tickets.get();
    }

    /** Whether every append with a ticket up to {@code mark} has ended (committed or rolled back). */
    boolean settled(long mark) {
        if (!postgres) {
            Long oldest = held.ceiling(Long.MIN_VALUE);
            return oldest == null || oldest > mark;
        }
        return jdbc.sql("select objid::bigint from pg_locks where locktype = 'advisory' and classid::bigint = ? "
                        + "and objsubid = 2 and granted")
                .param(LOCK_CLASS).query(Long.class).list().stream().noneMatch(ticket -> upTo(ticket, mark));
    }

    /** Whether {@code ticket} was taken no later than {@code mark}, across the wrap. */
    private static boolean upTo(long ticket, long mark) {
        return Math.floorMod(mark - ticket, WRAP) < WRAP / 2;
    }
}
