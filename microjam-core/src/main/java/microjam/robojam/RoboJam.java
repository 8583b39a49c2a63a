// RoboJam: answers a call performance with a new one of up to 5 s, sampled from a loaded model.
// Weights are shared, read-only, by all requests; each request has its own state and its own seed.
package microjam.robojam;

import microjam.performance.Touches;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

public final class RoboJam implements AutoCloseable {
    public static final int MAX_BATCH = 64;
    public static final long TIMEOUT_SECONDS = 60;

    public record Answer(Touches touches, int steps, long nanos) {
        public double millis() {
            return nanos / 1e6;
        }
    }

    private final Network network;
    private final Batcher batcher;

    public RoboJam(Model model) {
        this(model, Runtime.getRuntime().availableProcessors());
    }

    public RoboJam(Model model, int threads) {
        this.network = new Network(model);
        this.batcher = new Batcher(network, Math.max(1, threads), MAX_BATCH);
    }

    /** Gaps longer than this (seconds) make a generated touch a tap. */
    public static final double TAP_AFTER = Response.TAP_AFTER;

    /** The original's rule for a generated touch after the first: moving when it comes within 0.1 s of the previous one, else a tap. */
    public static boolean moving(double dt) {
        return dt <= Response.TAP_AFTER;
    }

    public Model model() {
        return network.model();
    }

    public static String kernel() {
        return Kernels.describe();
    }

    public Answer respond(Touches call, Settings settings) {
        long started = System.nanoTime();
        try {
            Batcher.Result result = batcher.submit(new Response(network, call, settings)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new Answer(result.touches(), result.steps(), System.nanoTime() - started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while RoboJam was responding", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("RoboJam took longer than " + TIMEOUT_SECONDS + " s to respond");
        }
    }

    @Override
    public void close() {
        batcher.close();
    }
}
