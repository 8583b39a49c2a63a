// RoboJam: answers a call performance with a new one of up to 5 s, sampled from a loaded model.
// Weights are shared, read-only, by all requests; each request has its own state and its own seed.
package microjam.robojam;

import microjam.performance.Touches;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

    /**
     * Answers the call. With several candidates, all are drawn at once (the batcher steps them together,
     * so they share each read of the weights) and the one whose PerformanceStyle is nearest the call's is
     * kept; an empty call has no style to match, so its first draw is kept.
     */
    public Answer respond(Touches call, Settings settings) {
        long started = System.nanoTime();
        try {
            int n = call.isEmpty() ? 1 : settings.candidates();
            PerformanceStyle callStyle = call.isEmpty() ? null : PerformanceStyle.of(call);
            float[] conditions = network.conditionsFor(call, callStyle);
            List<CompletableFuture<Batcher.Result>> drawn = new ArrayList<>(n);
            for (int k = 0; k < n; k++) drawn.add(batcher.submit(new Response(network, call, settings.candidate(k), conditions)));
            List<Batcher.Result> results = new ArrayList<>(n);
            long deadline = started + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            for (CompletableFuture<Batcher.Result> f : drawn) results.add(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            Batcher.Result kept = n == 1 ? results.getFirst() : nearestInStyle(callStyle, results);
            return new Answer(kept.touches(), results.stream().mapToInt(Batcher.Result::steps).sum(), System.nanoTime() - started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while RoboJam was responding", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("RoboJam took longer than " + TIMEOUT_SECONDS + " s to respond");
        }
    }

    private static Batcher.Result nearestInStyle(PerformanceStyle style, List<Batcher.Result> results) {
        Batcher.Result best = results.getFirst();
        double nearest = Double.POSITIVE_INFINITY;
        for (Batcher.Result r : results) {
            double distance = r.touches().isEmpty() ? Double.POSITIVE_INFINITY : style.distance(PerformanceStyle.of(r.touches()));
            if (distance < nearest) {
                nearest = distance;
                best = r;
            }
        }
        return best;
    }

    @Override
    public void close() {
        batcher.close();
    }
}
