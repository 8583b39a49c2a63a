// Caches stay true on every server sharing the database: each server reads the database's changes
// (Database.changes: deletions and profile changes counted in their own transactions, and the newest performance)
// every POLL. A deletion seen drops what a deletion could make stale (the pictures) within a second on every
// server; any change seen makes cached feed pages stale (FeedCache compares what it was rendered under).
// With the embedded SQLite file this process is the only writer: it knows its own changes at once, and nothing
// is polled.
package microjam.web;

import microjam.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

final class ChangeWatch implements AutoCloseable {
    static final Duration POLL = Duration.ofMillis(200);
    private static final Logger LOG = LoggerFactory.getLogger(ChangeWatch.class);

    private final List<Runnable> onDeletion = new CopyOnWriteArrayList<>();
    private final Thread poller;
    // Written under this object's lock (with the drops), read without it: every feed request reads it.
    private volatile Database.Changes seen; // null where this process is the sole writer

    ChangeWatch(Database database) {
        this(database.soleWriter() ? null : database::changes);
    }

    ChangeWatch(Supplier<Database.Changes> changes) {
        if (changes == null) {
            poller = null;
            return;
        }
        seen = changes.get();
        poller = Thread.ofPlatform().daemon().name("microjam-change-watch").start(() -> poll(changes));
    }

    /** Runs when a deletion is seen (made by any server). */
    void onDeletion(Runnable dropAll) {
        onDeletion.add(dropAll);
    }

    private void poll(Supplier<Database.Changes> changes) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(POLL);
                moveTo(changes.get());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) { // the database away: nothing cached may be trusted until it answers again
                LOG.warn("event=change_watch_failed error={}", e.getClass().getSimpleName());
                moveTo(unknown());
            }
        }
    }

    /**
     * What is seen while the database does not answer: a deletion made meanwhile could not be seen, so pictures are
     * dropped and no cached page matches (each failed poll is a new unknown), and reads go to the database (503).
     */
    private static Database.Changes unknown() {
        return new Database.Changes(-1, -1, UUID.randomUUID().toString());
    }

    private synchronized void moveTo(Database.Changes now) {
        if (now.equals(seen)) return;
        boolean deletion = now.deletions() != seen.deletions() || now.deletions() < 0;
        seen = now;
        if (deletion) onDeletion.forEach(Runnable::run);
    }

    /** The changes last seen (null where this process is the sole writer): read before loading something to cache. */
    Database.Changes seen() {
        return seen;
    }

    /**
     * Caches something loaded since {@code before} (from {@link #seen()}) only if no deletion was seen since:
     * what was loaded before a deletion seen meanwhile may be what it deleted. Atomic with the drops, so a put
     * never lands after the drop that should have removed it.
     */
    synchronized void putIfNoDeletionSince(Database.Changes before, Runnable put) {
        if (seen == null || seen.deletions() == before.deletions()) put.run();
    }

    @Override
    public void close() {
        if (poller != null) poller.interrupt();
    }
}
