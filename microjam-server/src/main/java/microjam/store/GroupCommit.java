// Group commit: writers that arrive while another batch is being made durable are committed together,
// so one fsync acknowledges many uploads. Each write runs in its own savepoint, so one failing write
// (a reply to a performance deleted a moment ago) fails alone; a failing commit fails the whole batch,
// and nobody is told "done" before the commit that holds their write has returned.
package microjam.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;

final class GroupCommit {
    /** More than this many waiting writes are split over several commits, to bound one transaction's size. */
    static final int MAX_BATCH = 256;

    private record Pending<R>(HandleCallback<R, RuntimeException> work, CompletableFuture<R> result) {}

    private final Jdbi jdbi;
    private final ReentrantLock writer;
    private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();

    GroupCommit(Jdbi jdbi, ReentrantLock writer) {
        this.jdbi = jdbi;
        this.writer = writer;
    }

    <R> R write(HandleCallback<R, RuntimeException> work) {
        Pending<R> mine = new Pending<>(work, new CompletableFuture<>());
        queue.add(mine);
        // Whoever holds the writer lock commits everything queued so far, ours too if it was queued in time.
        writer.lock();
        try {
            while (!mine.result.isDone()) commitBatch();
        } finally {
            writer.unlock();
        }
        return outcome(mine.result);
    }

    private void commitBatch() {
        List<Pending<?>> batch = new ArrayList<>();
        for (Pending<?> p; batch.size() < MAX_BATCH && (p = queue.poll()) != null; ) batch.add(p);
        if (batch.isEmpty()) return;
        List<Runnable> acknowledgements = new ArrayList<>(batch.size());
        try {
            jdbi.useTransaction(h -> {
                for (Pending<?> p : batch) acknowledgements.add(runInSavepoint(h, p));
            });
        } catch (RuntimeException | Error commitFailed) {
            // Every writer of the batch hears of it, or those waiting on the lock would find their write gone from the queue and never done.
            for (Pending<?> p : batch) p.result.completeExceptionally(commitFailed);
            return;
        }
        acknowledgements.forEach(Runnable::run);
    }

    // Runs one write; answers what to tell its writer once the batch is committed.
    private static <R> Runnable runInSavepoint(Handle h, Pending<R> p) {
        h.savepoint("one_write");
        try {
            R value = p.work.withHandle(h);
            h.release("one_write");
            return () -> p.result.complete(value);
        } catch (RuntimeException failed) {
            h.rollbackToSavepoint("one_write"); // Jdbi forgets the savepoint here; the commit ends it
            return () -> p.result.completeExceptionally(failed);
        }
    }

    private static <R> R outcome(CompletableFuture<R> result) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the commit", e);
        }
    }
}
