package org.incrowd.live.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.incrowd.shared.DatabaseProduct;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the dispatcher that the event log has grown. On one node (H2) a commit wakes it directly. On PostgreSQL a
 * commit also sends {@code NOTIFY incrowd_live} from a thread of its own (outside any user transaction), and every
 * node LISTENs on a connection of its own, so a post on one node wakes the dispatchers of all. A lost notification only
 * delays an event until the dispatcher's slow poll.
 */
@Component
class WakeUps implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WakeUps.class);
    static final String CHANNEL = "incrowd_live";
    private static final int LISTEN_TIMEOUT_MS = 500;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Semaphore local = new Semaphore(0);
    private final Semaphore toNotify = new Semaphore(0);
    private final AtomicBoolean running = new AtomicBoolean();
    private boolean postgres;

    WakeUps(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Called after a transaction that wrote to the log has committed. */
    void committed() {
        wake();
        if (postgres) {
            toNotify.release();
        }
    }

    void wake() {
        local.release();
    }

    /** Waits for a wake-up, at most {@code timeout}; several wake-ups count as one. */
    void await(Duration timeout) throws InterruptedException {
        if (local.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            local.drainPermits();
        }
    }

    @Override
    public void start() {
        running.set(true);
        postgres = DatabaseProduct.isPostgres(dataSource);
        if (postgres) {
            Thread.ofPlatform().daemon().name("live-notify").start(this::notifyLoop);
            Thread.ofPlatform().daemon().name("live-listen").start(this::listenLoop);
        }
    }

    /** Coalesces commits: one NOTIFY carries any number of them. */
    private void notifyLoop() {
        while (running.get()) {
            try {
                if (toNotify.tryAcquire(LISTEN_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                    toNotify.drainPermits();
                    jdbc.sql("select pg_notify('" + CHANNEL + "', '')").query(String.class).optional();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("NOTIFY failed; other nodes will see the event at their next poll", e);
            }
        }
    }

    private void listenLoop() {
        while (running.get()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (var statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                var pg = connection.unwrap(PGConnection.class);
                while (running.get()) {
                    var notifications = pg.getNotifications(LISTEN_TIMEOUT_MS);
                    if (notifications != null && notifications.length > 0) {
                        wake();
                    }
                }
            } catch (SQLException e) {
                if (running.get()) {
                    log.warn("LISTEN connection lost; polling until it is back", e);
                    sleepQuietly();
                }
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running.set(false);
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
