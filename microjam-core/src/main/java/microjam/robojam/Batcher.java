// Micro-batching: one scheduler steps every response in flight together, one batched step at a time,
// taking new requests in between steps; each step's rows are split across all cores. A lone request
// runs alone at single-request speed; under load, the responses share each pass over the weights, so
// throughput grows with load.
// A job whose future is completed by anyone else (cancelled: its client went away or its deadline
// passed) leaves at once: out of the queue when it is cancelled, out of the batch before the next step.
// The queue itself is bounded by RoboJam's budget of steps in flight, which admits jobs before they come here.
package microjam.robojam;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

final class Batcher implements AutoCloseable {
    /** A response to step until it is done or paused; done completes then (the response holds what it drew). */
    record Job(Response response, CompletableFuture<Void> done) {
    }

    private final Network network;
    private final Worker worker;
    private volatile boolean closed;

    Batcher(Network network, int threads, int maxBatch) {
        this.network = network;
        this.worker = new Worker(maxBatch, new Parallel(threads));
        Thread thread = new Thread(worker, "robojam-scheduler");
        thread.setDaemon(true);
        thread.start();
    }

    CompletableFuture<Void> submit(Response response) {
        if (closed) throw shutDown();
        Job job = new Job(response, new CompletableFuture<>());
        worker.queue.add(job);
        // Cancelled while queued: gone from the queue now, not when the scheduler reaches it.
        job.done().whenComplete((result, failure) -> {
            if (failure != null) worker.queue.remove(job);
        });
        if (closed) failQueued(); // closed meanwhile: this job must not wait for a scheduler that has stopped
        return job.done();
    }

    /** Stops the scheduler; every job not yet answered fails at once (queued ones here, active ones as the scheduler stops). */
    @Override
    public void close() {
        closed = true;
        failQueued();
        worker.queue.add(new Job(null, null)); // wakes the scheduler if it is waiting
    }

    private void failQueued() {
        for (Job job; (job = worker.queue.poll()) != null; )
            if (job.done() != null) job.done().completeExceptionally(shutDown());
    }

    private static IllegalStateException shutDown() {
        return new IllegalStateException("RoboJam is shut down");
    }

    private final class Worker implements Runnable {
        final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
        final List<Job> active = new ArrayList<>();
        final Network.Batch batch;
        final int maxBatch;

        Worker(int maxBatch, Parallel parallel) {
            this.maxBatch = maxBatch;
            this.batch = new Network.Batch(maxBatch, parallel);
        }

        @Override
        public void run() {
            try {
                while (!closed) {
                    if (active.isEmpty()) admit(queue.poll(1, TimeUnit.SECONDS));
                    for (Job next; active.size() < maxBatch && (next = queue.poll()) != null; ) admit(next);
                    if (active.isEmpty()) continue;
                    stepAll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Job job : active) job.done().completeExceptionally(shutDown());
            failQueued();
            batch.parallel.close();
        }

        private void admit(Job job) {
            if (job == null || job.response() == null || job.done().isDone()) return;
            try {
                if (job.response().start()) active.add(job);
                else finish(job, null); // resumed, with nothing left to draw
            } catch (RuntimeException e) {
                finish(job, e);
            }
        }

        private void stepAll() {
            active.removeIf(job -> job.done().isDone()); // cancelled since the last step
            if (active.isEmpty()) return;
            batch.size = active.size();
            for (int i = 0; i < batch.size; i++) batch.states[i] = active.get(i).response().state;
            try {
                network.step(batch);
            } catch (RuntimeException e) {
                for (Job job : active) finish(job, e);
                active.clear();
                return;
            }
            for (int i = active.size() - 1; i >= 0; i--) {
                Job job = active.get(i);
                boolean more;
                try {
                    more = job.response().advance();
                } catch (RuntimeException e) {
                    active.remove(i);
                    finish(job, e);
                    continue;
                }
                if (!more) {
                    active.remove(i);
                    finish(job, null);
                }
            }
        }

        private void finish(Job job, RuntimeException failure) {
            if (failure != null) job.done().completeExceptionally(failure);
            else job.done().complete(null);
        }
    }
}
