// The decoding pool: work runs on its own platform threads; past its threads and its queue the next
// call is answered 503 with Retry-After at once; what the work throws comes back as itself.
package microjam.web;

import microjam.performance.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DecodePoolTest {
    static final java.time.Duration WAIT = java.time.Duration.ofSeconds(20);

    /** Work that outlives the caller's wait frees the caller with a 503; the pool's thread is interrupted. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aCallerWaitsNoLongerThanItsBound() {
        DecodePool pool = new DecodePool("test-decode", 1, 1, 3);
        CountDownLatch never = new CountDownLatch(1);
        long start = System.nanoTime();
        ApiError stalled = catchThrowableOfType(ApiError.class, () -> pool.call(() -> {
            never.await();
            return 0;
        }, java.time.Duration.ofMillis(300)));
        assertThat(stalled.status()).isEqualTo(503);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
        assertThat(pool.call(() -> 5, WAIT)).as("the interrupted worker is free again").isEqualTo(5);
    }
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void pastItsThreadsAndItsQueueTheNextCallIsToldToComeBack() throws Exception {
        DecodePool pool = new DecodePool("test-decode", 1, 1, 7);
        CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> pool.call(() -> {
            started.countDown();
            release.await();
            return 1;
        }, WAIT), runnable -> Thread.ofVirtual().start(runnable));
        started.await();
        CompletableFuture<Integer> queued = CompletableFuture.supplyAsync(() -> pool.call(() -> 2, WAIT), runnable -> Thread.ofVirtual().start(runnable));
        while (pool.waiting() == 0) Thread.sleep(10);

        long start = System.nanoTime();
        ApiError busy = catchThrowableOfType(ApiError.class, () -> pool.call(() -> 3, WAIT));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("answered at once").isLessThan(2_000);
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.retryAfterSeconds()).isEqualTo(7);
        assertThat(busy.getMessage()).isEqualTo("the server is busy decoding other images; try again in 7 s");

        release.countDown();
        assertThat(running.get()).isEqualTo(1);
        assertThat(queued.get()).isEqualTo(2);
        assertThat(pool.call(() -> 4, WAIT)).as("free again").isEqualTo(4);
    }

    @Test
    void workRunsOnThePoolsPlatformThreadsAndItsFailuresComeBackAsThemselves() {
        DecodePool pool = new DecodePool("test-decode", 1, 1, 1);
        Thread worker = pool.call(Thread::currentThread, WAIT);
        assertThat(worker).isNotSameAs(Thread.currentThread());
        assertThat(worker.isVirtual()).isFalse();
        assertThat(worker.getName()).startsWith("test-decode-");
        InvalidValue refused = new InvalidValue("avatar", "no");
        assertThatThrownBy(() -> pool.call(() -> {
            throw refused;
        }, WAIT)).isSameAs(refused);
        OutOfMemoryError error = new OutOfMemoryError("test");
        assertThatThrownBy(() -> pool.call(() -> {
            throw error;
        }, WAIT)).isSameAs(error);
    }
}
