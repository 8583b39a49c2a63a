// RoboJam: answers a call performance with a new one of up to 5 s, sampled from a loaded model.
// Weights are shared, read-only, by all requests; each request has its own state and its own seed.
// Admission: each call is counted at its most network steps before any work, and refused at once when
// the work admitted (in flight and queued) would pass a budget; a call cancelled (its client went away,
// its deadline passed) leaves the batcher and frees its share at once.
package microjam.robojam;

import microjam.performance.Touches;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

public final class RoboJam implements AutoCloseable {
    public static final int MAX_BATCH = 64;
    /** How long respond (the way in for local tools: warm-up, bench, evaluate) waits before it stops the work and gives up. */
    public static final long TIMEOUT_SECONDS = 60;

    /**
     * The most network steps the largest call the API allows can take: 16 candidates, each reading a
     * call of 2,000 touches and its 2 start steps, then drawing up to 1,000 touches: 16 × 3,002 = 48,032.
     */
    public static final long LARGEST_CALL_STEPS = (long) Settings.MAX_CANDIDATES * (Touches.MAX_TOUCHES + 2 + Response.MAX_TOUCHES);

    /**
     * The default budget of work admitted at once, in flight and queued, counting each call at its most
     * steps (candidates × (call steps + 1,000)): 192,128 steps, four of the largest calls or 19 calls as
     * the web app makes them with the shipped model's 8 candidates (a 200-touch call: 8 × 1,202 = 9,616), so that a server with
     * nothing else to do always takes a call. Why no more: the shipped model (2 × 256) on one core of the
     * 2-core reference machine, loaded by other work, did 12,000–16,000 steps a second (summed over the
     * responses of a full batch; 9,300 for one largest call alone), and a call takes 30–75 % of its most
     * steps (a response seldom reaches 1,000 touches), so a full budget is done in about 5–12 s: inside
     * the server's deadline (ServerConfig.Timeouts), not past it.
     */
    public static final long DEFAULT_STEP_BUDGET = 4 * LARGEST_CALL_STEPS;

    public record Answer(Touches touches, int steps, long nanos) {
        public double millis() {
            return nanos / 1e6;
        }
    }

    /** What RoboJam holds now and has done since it started: steps admitted, candidate draws started, calls refused, draws stopped before their end. */
    public record Load(long stepsInFlight, long stepBudget, long draws, long refused, long cancelled) {
    }

    /** A call refused at once, before any work, because the work admitted would pass the budget. */
    public static final class Busy extends RuntimeException {
        Busy(long steps, long inFlight, long budget) {
            super("RoboJam is busy: a call of up to " + steps + " steps does not fit beside the " + inFlight + " in flight (at most " + budget + ")",
                    null, false, false);
        }
    }

    private final Network network;
    private final Batcher batcher;
    private final long stepBudget;
    private final AtomicLong stepsInFlight = new AtomicLong();
    private final LongAdder draws = new LongAdder(), refused = new LongAdder(), cancelled = new LongAdder();

    public RoboJam(Model model) {
        this(model, Runtime.getRuntime().availableProcessors());
    }

    /** Weights held in the precision the model is stored in (its contract's). */
    public RoboJam(Model model, int threads) {
        this(model, threads, DEFAULT_STEP_BUDGET);
    }

    /** Weights held in the given precision: Precision.BFLOAT16 reads half the bytes per step (see Precision). */
    public RoboJam(Model model, int threads, Precision precision) {
        this(model, threads, DEFAULT_STEP_BUDGET, precision);
    }

    /** stepBudget: the most steps admitted at once (at least LARGEST_CALL_STEPS, so that every valid call can run on an idle server). */
    public RoboJam(Model model, int threads, long stepBudget) {
        this(model, threads, stepBudget, model.contract().weights());
    }

    /** The most steps admitted at once, and the precision the weights are held in. */
    public RoboJam(Model model, int threads, long stepBudget, Precision precision) {
        if (stepBudget < LARGEST_CALL_STEPS)
            throw new IllegalArgumentException("the RoboJam budget must be at least " + LARGEST_CALL_STEPS + " steps, the largest call (was " + stepBudget + ")");
        this.network = new Network(model, precision);
        this.stepBudget = stepBudget;
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

    public Precision precision() {
        return network.precision();
    }

    /** Bytes of weights each network step reads (all of them, once): see Network.weightBytesPerStep. */
    public long weightBytesPerStep() {
        return network.weightBytesPerStep();
    }

    public static String kernel() {
        return Kernels.describe();
    }

    public Load load() {
        return new Load(stepsInFlight.get(), stepBudget, draws.sum(), refused.sum(), cancelled.sum());
    }

    /**
     * Answers the call, waiting as long as it takes (up to TIMEOUT_SECONDS): for local tools. Its work counts
     * in the budget but is never refused; the server calls start instead.
     */
    public Answer respond(Touches call, Settings settings) {
        try {
            return start(call, settings, false).await(Duration.ofSeconds(TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while RoboJam was responding", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("RoboJam took longer than " + TIMEOUT_SECONDS + " s to respond");
        }
    }

    /**
     * Starts answering the call, or refuses it at once (Busy) when its most steps would take the work
     * admitted past the budget. With several candidates, all are drawn at once (the batcher steps them
     * together, so they share each read of the weights) and the one whose PerformanceCharacter is nearest the
     * call's is kept; an empty call has no character to match, so its first draw is kept.
     */
    public Pending start(Touches call, Settings settings) {
        return start(call, settings, true);
    }

    private Pending start(Touches call, Settings settings, boolean refuseOverBudget) {
        long started = System.nanoTime();
        int n = call.isEmpty() ? 1 : settings.candidates();
        long steps = n * Response.maxSteps(network.model(), call);
        admit(steps, refuseOverBudget);
        List<CompletableFuture<Batcher.Result>> drawn = new ArrayList<>(n);
        PerformanceStyle callStyle;
        try {
            callStyle = call.isEmpty() ? null : PerformanceStyle.of(call);
            float[] conditions = network.conditionsFor(call, callStyle);
            for (int k = 0; k < n; k++) drawn.add(batcher.submit(new Response(network, call, settings.candidate(k), conditions)));
        } catch (RuntimeException e) {
            for (CompletableFuture<Batcher.Result> f : drawn) f.cancel(false);
            stepsInFlight.addAndGet(-steps);
            throw e;
        }
        draws.add(n);
        CompletableFuture<Void> all = CompletableFuture.allOf(drawn.toArray(CompletableFuture[]::new));
        all.whenComplete((done, failure) -> stepsInFlight.addAndGet(-steps)); // answered, failed or cancelled: its share is free at once
        return new Pending(drawn, all, call.isEmpty() ? null : PerformanceCharacter.of(call), started);
    }

    private void admit(long steps, boolean refuseOverBudget) {
        for (long now = stepsInFlight.get(); ; now = stepsInFlight.get()) {
            if (refuseOverBudget && now + steps > stepBudget) {
                refused.increment();
                throw new Busy(steps, now, stepBudget);
            }
            if (stepsInFlight.compareAndSet(now, now + steps)) return;
        }
    }

    /** A call being answered: wait for it, or cancel it, which stops all its draws (queued or in the batch) and frees its share of the budget at once. */
    public final class Pending {
        private final List<CompletableFuture<Batcher.Result>> drawn;
        private final CompletableFuture<Void> all;
        private final double[] callCharacter;
        private final long started;

        private Pending(List<CompletableFuture<Batcher.Result>> drawn, CompletableFuture<Void> all, double[] callCharacter, long started) {
            this.drawn = drawn;
            this.all = all;
            this.callCharacter = callCharacter;
            this.started = started;
        }

        /**
         * The answer, once every candidate is drawn. Past the timeout, or when the waiting thread is
         * interrupted, the call is cancelled before the exception is thrown; a call cancelled meanwhile
         * throws CancellationException.
         */
        public Answer await(Duration timeout) throws TimeoutException, InterruptedException {
            try {
                all.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | InterruptedException e) {
                cancel();
                throw e;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof CancellationException c) throw c;
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            List<Batcher.Result> results = drawn.stream().map(CompletableFuture::join).toList();
            Batcher.Result kept = results.size() == 1 ? results.getFirst() : nearestInCharacter(callCharacter, results);
            return new Answer(kept.touches(), results.stream().mapToInt(Batcher.Result::steps).sum(), System.nanoTime() - started);
        }

        /** Stops every draw not yet done; does nothing once the call is answered. */
        public void cancel() {
            for (CompletableFuture<Batcher.Result> f : drawn)
                if (f.cancel(false)) cancelled.increment();
        }
    }

    /**
     * Answers the call on the calling thread, drawing the candidates one after another: no batcher, no
     * helper threads, no budget, for a runtime with one thread (a browser, through TeaVM). Each draw is
     * stepped alone, and batching changes the speed, never the bits, so the answer is respond's.
     */
    public static Answer respondHere(Network network, Touches call, Settings settings) {
        long started = System.nanoTime();
        int n = call.isEmpty() ? 1 : settings.candidates();
        float[] conditions = network.conditionsFor(call, call.isEmpty() ? null : PerformanceStyle.of(call));
        Network.Batch batch = new Network.Batch(1, null);
        List<Batcher.Result> results = new ArrayList<>(n);
        int steps = 0;
        for (int k = 0; k < n; k++) {
            Response response = new Response(network, call, settings.candidate(k), conditions);
            response.start();
            batch.states[0] = response.state;
            batch.size = 1;
            do network.step(batch); while (response.advance());
            results.add(new Batcher.Result(response.touches(), response.steps));
            steps += response.steps;
        }
        Batcher.Result kept = n == 1 ? results.getFirst() : nearestInCharacter(PerformanceCharacter.of(call), results);
        return new Answer(kept.touches(), steps, System.nanoTime() - started);
    }

    private static Batcher.Result nearestInCharacter(double[] character, List<Batcher.Result> results) {
        Batcher.Result best = results.getFirst();
        double nearest = Double.POSITIVE_INFINITY;
        for (Batcher.Result r : results) {
            double distance = r.touches().isEmpty() ? Double.POSITIVE_INFINITY : PerformanceCharacter.distance(character, PerformanceCharacter.of(r.touches()));
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
