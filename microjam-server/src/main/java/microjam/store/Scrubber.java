// Makes deleted data leave the database's files soon after a deletion. One pass serves every deletion
// made meanwhile.
// SQLite (secure_delete already zeroes deleted content in the pages): empties the write-ahead log within
// DELAY, rather than whenever SQLite's automatic checkpoint (every 1,000 pages) comes round. It takes the
// writer's turn, so it never fails with SQLITE_BUSY against our own writers, and tries again if a reader
// held it back.
// PostgreSQL: runs VACUUM on the tables people's data lives in within POSTGRES_DELAY, so dead rows are
// pruned and their space is reused, instead of waiting for autovacuum's thresholds (20 % of a table).
// What PostgreSQL still keeps for a while (WAL segments, backups) is stated in docs/privacy.md.
package microjam.store;

import microjam.console.LogLine;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

final class Scrubber implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scrubber.class);
    /** How soon after a deletion the WAL is emptied (the privacy policy states this bound). */
    static final Duration DELAY = Duration.ofSeconds(1);
    /** VACUUM reads whole tables: deletions within this window share one. */
    static final Duration POSTGRES_DELAY = Duration.ofSeconds(10);

    private final Database.Engine engine;
    private final Jdbi jdbi;
    private final ReentrantLock writer;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "database-scrubber");
        t.setDaemon(true);
        return t;
    });

    Scrubber(Database.Engine engine, Jdbi jdbi, ReentrantLock writer) {
        this.engine = engine;
        this.jdbi = jdbi;
        this.writer = writer;
    }

    void soon() {
        if (pending.compareAndSet(false, true)) schedule();
    }

    private void schedule() {
        try {
            if (engine == Database.Engine.SQLITE) timer.schedule(this::checkpoint, DELAY.toMillis(), TimeUnit.MILLISECONDS);
            else timer.schedule(this::vacuum, POSTGRES_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // shutting down: the checkpoint SQLite makes when the last connection closes empties the log
        }
    }

    private void checkpoint() {
        pending.set(false);
        writer.lock();
        try {
            // (busy, log frames, checkpointed frames): busy = 1 when a reader kept the log from being emptied.
            int busy = jdbi.withHandle(h -> h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapTo(Integer.class).first());
            if (busy != 0 && pending.compareAndSet(false, true)) schedule();
        } catch (RuntimeException e) {
            // e.g. a full disk: the next deletion tries again, and SQLite's own checkpoints go on meanwhile
            LOG.warn("event=wal_checkpoint_failed cause={}", LogLine.value(e.getClass().getSimpleName()));
        } finally {
            writer.unlock();
        }
    }

    private void vacuum() {
        pending.set(false);
        try {
            // VACUUM cannot run inside a transaction: Jdbi's handle is in autocommit here.
            jdbi.useHandle(h -> h.execute("VACUUM performance, performer, avatar"));
        } catch (RuntimeException e) {
            LOG.warn("event=vacuum_failed cause={}", LogLine.value(e.getClass().getSimpleName()));
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
