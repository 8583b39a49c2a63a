// Images are decoded here, off the request threads. Requests run on virtual threads that share one
// carrier thread per core, and a decode never lets go of its carrier (libjpeg runs in native code, the
// PNG reader in a loop that never blocks), so two slow decodes used to stop every other request,
// /health included. Here a few platform threads decode one image each, and the operating system shares
// the cores between them and the carriers; a short queue holds the next few, and past that an upload is
// answered 503 with Retry-After at once instead of waiting in an unbounded line.
package microjam.web;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

final class DecodePool {
    private final ThreadPoolExecutor executor;
    private final int retryAfterSeconds;

    /** threads decode at once, queued more wait; when those are taken, the next is told to come back in retryAfterSeconds. */
    DecodePool(String name, int threads, int queued, int retryAfterSeconds) {
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queued),
                Thread.ofPlatform().daemon().name(name + "-", 1).factory(), new ThreadPoolExecutor.AbortPolicy());
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Runs work on one of the pool's threads and waits for it (a virtual thread waiting here frees its carrier). */
    <T> T call(Callable<T> work, Duration wait) {
        Future<T> result;
        try {
            result = executor.submit(work);
        } catch (RejectedExecutionException full) {
            throw busy();
        }
        try {
            return result.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException stalled) {
            // Past every deadline a queued decode could need: something stalled outside the decoder's own checks.
            result.cancel(true);
            throw busy();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException failure -> throw failure;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw busy();
        }
    }

    private ApiError busy() {
        return ApiError.unavailable("the server is busy decoding other images; try again in " + retryAfterSeconds + " s", retryAfterSeconds);
    }

    /** Decodes waiting for a thread (for the tests). */
    int waiting() {
        return executor.getQueue().size();
    }
}
