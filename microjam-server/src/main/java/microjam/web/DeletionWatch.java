// A deletion made on any server is honoured by every server sharing the database within a second: each one
// reads the database's deletion generation (Database.deletionGeneration, moved on by every deletion in its own
// transaction) every POLL and, when it has moved, drops what it cached that a deletion could make stale (the
// pictures). With the embedded SQLite file this process is the only writer: its own deletions forget what they
// delete at once, and nothing is polled.
package microjam.web;

import microjam.store.Database;

import java.time.Duration;
import java.util.function.LongSupplier;

final class DeletionWatch implements AutoCloseable {
    static final Duration POLL = Duration.ofMillis(200);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeletionWatch.class);

    private final Runnable dropAll;
    private final Thread poller;
    private long seen; // guarded by this

    /** dropAll: forgets everything cached that a deletion elsewhere could have made stale. */
    DeletionWatch(Database database, Runnable dropAll) {
        this(database.soleWriter() ? null : database::deletionGeneration, dropAll);
    }

    DeletionWatch(LongSupplier generation, Runnable dropAll) {
        this.dropAll = dropAll;
        if (generation == null) {
            poller = null;
            return;
        }
        seen = generation.getAsLong();
        poller = Thread.ofPlatform().daemon().name("microjam-deletion-watch").start(() -> poll(generation));
    }

    private void poll(LongSupplier generation) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(POLL);
                moveTo(generation.getAsLong());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) { // the database away for a moment: try again, and say so without details
                LOG.warn("event=deletion_watch_failed error={}", e.getClass().getSimpleName());
            }
        }
    }

    private synchronized void moveTo(long generation) {
        if (generation == seen) return;
        seen = generation;
        dropAll.run();
    }

    /** The generation last seen: read before loading something to cache. */
    synchronized long seen() {
        return seen;
    }

    /**
     * Caches something loaded since {@code before} (from {@link #seen()}) only if no deletion was seen since:
     * what was loaded before a deletion seen meanwhile may be what it deleted. Atomic with dropping everything,
     * so a put never lands after the drop that should have removed it.
     */
    synchronized void putIfCurrent(long before, Runnable put) {
        if (seen == before) put.run();
    }

    @Override
    public void close() {
        if (poller != null) poller.interrupt();
    }
}
